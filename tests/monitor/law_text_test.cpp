// data/law/criminal-procedure-law.json against its schema (data/law/README.md) and, for the
// 2018 version, against the text of the law itself: every 2018 quote must be the words of
// the article it names. Reads the files directly (no project headers), so a broken data file
// is reported here with the rule's id rather than as a failed parse elsewhere.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using nlohmann::json;

const char* const kLawFile = JZ_SOURCE_DIR "/data/law/criminal-procedure-law.json";
const char* const kText2018 = JZ_REALDATA "/prc-law/criminal-procedure-law-2018.md";

// The vocabulary the engine knows (the schema's lists).
const std::set<std::string> kEventTypes{"taken_away",
                                        "criminal_detention",
                                        "residential_surveillance",
                                        "residential_surveillance_ended",
                                        "bail",
                                        "arrest_requested",
                                        "arrest_approved",
                                        "arrest_refused",
                                        "custody_extended",
                                        "sent_for_review",
                                        "supplementary_investigation",
                                        "not_prosecuted",
                                        "indicted",
                                        "case_accepted",
                                        "trial",
                                        "verdict",
                                        "judgment_served",
                                        "appeal",
                                        "appeal_ruling",
                                        "release",
                                        "family_notified",
                                        "lawyer_meeting_requested",
                                        "lawyer_meeting_granted",
                                        "lawyer_meeting_denied",
                                        "disappearance"};
const std::set<std::string> kFlags{
    "closed_to_public", "designated_location", "state_secrets", "personal_privacy", "minor",
    "trade_secrets"};
const std::set<std::string> kGrounds{
    "state_security",       "terrorism", "major_bribery", "state_secrets",
    "personal_privacy",     "minor",     "trade_secrets", "impossible_to_notify",
    "hinders_investigation"};
const std::set<std::string> kFacilityTypes{"black_jail", "reeducation_through_labour",
                                           "political_reeducation_camp"};

// Which versions have which clock, as data/law/README.md states it ("Rules" table). A clock
// missing from a version there is missing on purpose (the law had no such rule).
const std::map<std::string, std::set<std::string>> kClockVersions{
    {"detention_to_arrest_request", {"1996", "2012", "2018"}},
    {"arrest_decision", {"1996", "2012", "2018"}},
    {"family_notice_detention", {"1996", "2012", "2018"}},
    {"family_notice_arrest", {"1996", "2012", "2018"}},
    {"family_notice_designated_residence", {"2012", "2018"}},
    {"lawyer_meeting", {"2012", "2018"}},
    {"residential_surveillance_limit", {"1996", "2012", "2018"}},
    {"investigation_custody", {"1996", "2012", "2018"}},
    {"review_for_prosecution", {"1996", "2012", "2018"}},
    {"supplementary_investigation", {"1996", "2012", "2018"}},
    {"first_instance", {"1996", "2012", "2018"}},
    {"appeal_window", {"1996", "2012", "2018"}},
    {"second_instance", {"1996", "2012", "2018"}},
    {"public_trial", {"1996", "2012", "2018"}},
    {"public_judgment", {"1996", "2012", "2018"}},
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const json& law() {
  static const json kLaw = [] {
    std::string text = read_file(kLawFile);
    return json::parse(text, nullptr, /*allow_exceptions=*/false);
  }();
  return kLaw;
}

// "24 hours", "3 days", "1 month", "6 months" (the engine also takes the singular).
struct Period {
  long amount;
  std::string unit;  // hours, days, months
  // Bounds in hours, so that periods in different units compare safely.
  long min_hours() const {
    return unit == "hours" ? amount : unit == "days" ? amount * 24 : amount * 28 * 24;
  }
  long max_hours() const {
    return unit == "hours" ? amount : unit == "days" ? amount * 24 : amount * 31 * 24;
  }
};

std::optional<Period> parse_period(const std::string& text) {
  static const std::regex kPeriod("^([1-9][0-9]*) (hour|day|month)(s?)$");
  std::smatch m;
  if (!std::regex_match(text, m, kPeriod)) return std::nullopt;
  long amount = std::stol(m[1].str());
  if ((amount == 1) != m[3].str().empty()) return std::nullopt;  // "1 day", "3 days"
  return Period{amount, m[2].str() + "s"};
}

// A strictly longer period whatever the calendar: "1 month" < "46 days", never "1 month" < "30
// days".
bool longer(const Period& later, const Period& earlier) {
  if (later.unit == earlier.unit) return later.amount > earlier.amount;
  return later.min_hours() > earlier.max_hours();
}

// Chinese numerals as article numbers are written: 10 十, 15 十五, 91 九十一, 105 一百零五,
// 110 一百一十, 208 二百零八, 308 三百零八.
std::string chinese_numeral(int n) {
  static const char* const kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  std::string s;
  int hundreds = n / 100, tens = n / 10 % 10, ones = n % 10;
  if (hundreds) s += std::string(kDigits[hundreds]) + "百";
  if (tens) {
    if (hundreds || tens != 1) s += kDigits[tens];
    s += "十";
  } else if (hundreds && ones) {
    s += "零";
  }
  if (ones) s += kDigits[ones];
  return s;
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// A line that opens an article: 第 + numerals + 条 + a space.
bool is_article_heading(const std::string& line) {
  static const std::set<std::string> kNumerals{"零", "一", "二", "三", "四", "五",
                                               "六", "七", "八", "九", "十", "百"};
  const std::string first = "第", last = "条";
  if (!starts_with(line, first)) return false;
  std::size_t i = first.size(), count = 0;
  while (i + 3 <= line.size() && kNumerals.count(line.substr(i, 3))) i += 3, ++count;
  if (count == 0 || line.compare(i, last.size(), last) != 0) return false;
  i += last.size();
  return i < line.size() && (line[i] == ' ' || line.compare(i, 3, "\u3000") == 0);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

// The article's paragraphs as one string: from "第N条 " to the next article or heading.
std::optional<std::string> article_text(const std::vector<std::string>& lines, int number) {
  const std::string heading = "第" + chinese_numeral(number) + "条";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!is_article_heading(lines[i]) ||
        (!starts_with(lines[i], heading + " ") && !starts_with(lines[i], heading + "\u3000")))
      continue;
    std::string text = lines[i].substr(heading.size());
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      if (is_article_heading(lines[j]) || starts_with(lines[j], "#")) break;
      text += "\n" + lines[j];
    }
    return text;
  }
  return std::nullopt;
}

// Whitespace and line breaks (ASCII and the ideographic space) removed.
std::string normalise(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "\u3000") == 0) {
      i += 3;
      continue;
    }
    char c = text[i++];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += c;
  }
  return out;
}

bool has_text(const json& j, const char* key) {
  return j.contains(key) && j[key].is_object() && j[key].contains("zh") &&
         j[key]["zh"].is_string() && !j[key]["zh"].get<std::string>().empty() &&
         j[key].contains("en") && j[key]["en"].is_string() &&
         !j[key]["en"].get<std::string>().empty();
}

bool has_string(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() && !j[key].get<std::string>().empty();
}

std::string id_of(const json& rule) {
  return rule.contains("id") && rule["id"].is_string() ? rule["id"].get<std::string>()
                                                       : rule.dump();
}

std::set<std::string> versions() {
  std::set<std::string> out;
  for (const auto& v : law()["versions"]) out.insert(v["version"].get<std::string>());
  return out;
}

// Checks a list of event types; `required`: at least one.
void expect_events(const json& rule, const char* key, bool required) {
  SCOPED_TRACE(id_of(rule) + "/" + key);
  if (!rule.contains(key)) {
    EXPECT_FALSE(required) << "required";
    return;
  }
  ASSERT_TRUE(rule[key].is_array()) << "expected a list";
  if (required) {
    EXPECT_FALSE(rule[key].empty());
  }
  for (const auto& e : rule[key]) {
    ASSERT_TRUE(e.is_string());
    EXPECT_TRUE(kEventTypes.count(e.get<std::string>())) << e << " is not an event type";
  }
}

void expect_source(const json& s, const std::string& where) {
  SCOPED_TRACE(where);
  ASSERT_TRUE(s.is_object());
  EXPECT_TRUE(has_string(s, "title"));
  EXPECT_TRUE(has_string(s, "url"));
  EXPECT_TRUE(s.contains("secondary") && s["secondary"].is_boolean());
  if (s.contains("url") && s["url"].is_string()) {
    EXPECT_TRUE(starts_with(s["url"].get<std::string>(), "http://") ||
                starts_with(s["url"].get<std::string>(), "https://"))
        << s["url"];
  }
}

TEST(LawTextTest, ChineseNumerals) {
  EXPECT_EQ(chinese_numeral(1), "一");
  EXPECT_EQ(chinese_numeral(10), "十");
  EXPECT_EQ(chinese_numeral(15), "十五");
  EXPECT_EQ(chinese_numeral(39), "三十九");
  EXPECT_EQ(chinese_numeral(91), "九十一");
  EXPECT_EQ(chinese_numeral(100), "一百");
  EXPECT_EQ(chinese_numeral(105), "一百零五");
  EXPECT_EQ(chinese_numeral(110), "一百一十");
  EXPECT_EQ(chinese_numeral(115), "一百一十五");
  EXPECT_EQ(chinese_numeral(208), "二百零八");
  EXPECT_EQ(chinese_numeral(230), "二百三十");
  EXPECT_EQ(chinese_numeral(308), "三百零八");
  EXPECT_TRUE(is_article_heading("第一百零五条 期间以时、日、月计算。"));
  EXPECT_FALSE(is_article_heading("第一编 总则"));
  EXPECT_FALSE(is_article_heading("依照本法第一百五十八条规定"));
}

TEST(LawTextTest, PeriodsParse) {
  EXPECT_TRUE(parse_period("24 hours"));
  EXPECT_TRUE(parse_period("1 month"));
  EXPECT_TRUE(parse_period("46 days"));
  EXPECT_FALSE(parse_period("1.5 months"));
  EXPECT_FALSE(parse_period("3 weeks"));
  EXPECT_FALSE(parse_period("0 days"));
  EXPECT_FALSE(parse_period("3days"));
  EXPECT_TRUE(longer(*parse_period("46 days"), *parse_period("1 month")));
  EXPECT_FALSE(longer(*parse_period("30 days"), *parse_period("1 month")));
  EXPECT_TRUE(longer(*parse_period("3 months"), *parse_period("2 months")));
}

TEST(LawTextTest, FileParsesWithTopLevelFields) {
  ASSERT_FALSE(law().is_discarded()) << kLawFile << " is missing or not JSON";
  ASSERT_TRUE(law().is_object());
  EXPECT_EQ(law().value("law", ""), "criminal_procedure_law");
  EXPECT_TRUE(has_text(law(), "name"));
  ASSERT_TRUE(law().contains("versions") && law()["versions"].is_array());
  ASSERT_TRUE(law().contains("rules") && law()["rules"].is_array());
  ASSERT_TRUE(law().contains("no_legal_basis") && law()["no_legal_basis"].is_array());
  ASSERT_TRUE(law().contains("order") && law()["order"].is_array());
}

TEST(LawTextTest, Versions) {
  ASSERT_FALSE(law().is_discarded());
  static const std::regex kRange("^\\d{4}-\\d{2}-\\d{2}\\.\\.(\\d{4}-\\d{2}-\\d{2})?$");
  std::set<std::string> seen;
  std::string previous_end;
  for (const auto& v : law()["versions"]) {
    ASSERT_TRUE(has_string(v, "version"));
    std::string version = v["version"].get<std::string>();
    SCOPED_TRACE(version);
    EXPECT_TRUE(seen.insert(version).second) << "version listed twice";
    ASSERT_TRUE(has_string(v, "in_force"));
    std::string in_force = v["in_force"].get<std::string>();
    EXPECT_TRUE(std::regex_match(in_force, kRange)) << in_force;
    // In order, without overlap: each starts after the one before ended.
    if (!previous_end.empty()) {
      EXPECT_GT(in_force.substr(0, 10), previous_end);
    }
    previous_end = in_force.size() > 12 ? in_force.substr(12) : "9999-12-31";
    ASSERT_TRUE(v.contains("text_source"));
    expect_source(v["text_source"], version + "/text_source");
  }
  EXPECT_EQ(seen, (std::set<std::string>{"1996", "2012", "2018"}));
}

TEST(LawTextTest, EveryRuleIsWellFormed) {
  ASSERT_FALSE(law().is_discarded());
  const auto known_versions = versions();
  std::set<std::string> ids;
  for (const auto& rule : law()["rules"]) {
    const std::string id = id_of(rule);
    SCOPED_TRACE(id);
    ASSERT_TRUE(rule.is_object());
    for (const char* key : {"id", "clock", "version", "article"})
      EXPECT_TRUE(has_string(rule, key)) << key;
    EXPECT_TRUE(has_text(rule, "quote"));
    EXPECT_TRUE(has_text(rule, "summary"));
    if (!has_string(rule, "id") || !has_string(rule, "version") || !has_string(rule, "article"))
      continue;
    EXPECT_TRUE(ids.insert(id).second) << "id used twice";
    const std::string version = rule["version"].get<std::string>();
    const std::string article = rule["article"].get<std::string>();
    EXPECT_TRUE(known_versions.count(version)) << "version " << version << " is not in versions";
    EXPECT_TRUE(std::regex_match(article, std::regex("^[1-9][0-9]*$"))) << article;
    EXPECT_TRUE(
        std::regex_match(id, std::regex("^cpl" + version + "-" + article + "(-[1-9][0-9]*)?$")))
        << "id must be cpl<version>-<article>[-<n>]";
    if (has_string(rule, "clock")) {
      EXPECT_TRUE(kClockVersions.count(rule["clock"].get<std::string>()))
          << "clock " << rule["clock"] << " is not in the README's table";
    }
    if (rule.contains("source")) expect_source(rule["source"], id + "/source");
    // Quotes of the versions whose text is not in the repository name the page they were
    // read from.
    if (version != "2018") {
      ASSERT_TRUE(rule.contains("source")) << "a 1996 or 2012 rule needs its own source";
      EXPECT_EQ(rule["source"].value("secondary", false), true);
    }

    const std::string kind = rule.value("kind", "deadline");
    ASSERT_TRUE(kind == "deadline" || kind == "public_hearing") << kind;
    expect_events(rule, "from", true);
    expect_events(rule, "to", kind == "deadline");
    expect_events(rule, "implied_by", false);
    expect_events(rule, "stopped_by", false);
    expect_events(rule, "extended_by", false);
    for (const char* key : {"requires_flag", "flag"}) {
      if (rule.contains(key)) {
        EXPECT_TRUE(rule[key].is_string() && kFlags.count(rule[key].get<std::string>()))
            << key << " " << rule[key];
      }
    }
    if (rule.contains("binds")) {
      EXPECT_TRUE(rule["binds"] == "authorities" || rule["binds"] == "defence") << rule["binds"];
    }
    if (rule.contains("holiday_extends")) {
      EXPECT_TRUE(rule["holiday_extends"].is_boolean());
    }

    if (kind == "public_hearing") {
      EXPECT_EQ(rule.value("flag", ""), "closed_to_public");
      EXPECT_FALSE(rule.contains("limit")) << "a public hearing has no time limit";
      EXPECT_FALSE(rule.contains("extensions"));
    } else {
      ASSERT_TRUE(has_string(rule, "limit")) << "limit required";
      auto limit = parse_period(rule["limit"].get<std::string>());
      ASSERT_TRUE(limit) << rule["limit"] << " is not \"N hours|days|months\"";
      Period previous = *limit;
      bool open_ended = false;
      if (rule.contains("extensions")) {
        ASSERT_TRUE(rule["extensions"].is_array());
        for (const auto& e : rule["extensions"]) {
          SCOPED_TRACE(e.dump());
          EXPECT_TRUE(has_text(e, "ground"));
          if (e.contains("approver")) {
            EXPECT_TRUE(has_text(e, "approver"));
          }
          EXPECT_FALSE(open_ended) << "an extension follows one without a ceiling";
          ASSERT_TRUE(e.contains("limit"));
          if (e["limit"].is_null()) {
            open_ended = true;
            continue;
          }
          ASSERT_TRUE(e["limit"].is_string());
          auto total = parse_period(e["limit"].get<std::string>());
          ASSERT_TRUE(total) << e["limit"] << " is not \"N hours|days|months\"";
          EXPECT_TRUE(longer(*total, previous)) << "extension totals must increase";
          previous = *total;
        }
      }
    }
    if (rule.contains("exceptions")) {
      ASSERT_TRUE(rule["exceptions"].is_array());
      for (const auto& e : rule["exceptions"]) {
        EXPECT_TRUE(e.contains("ground") && e["ground"].is_string() &&
                    kGrounds.count(e["ground"].get<std::string>()))
            << e.value("ground", "(none)") << " is not a ground the engine knows";
        EXPECT_TRUE(has_text(e, "text"));
      }
    }
  }
  EXPECT_GE(ids.size(), 40u);
}

// Each clock is in exactly the versions data/law/README.md says have it, once per version.
TEST(LawTextTest, ClocksInTheVersionsTheReadmeNames) {
  ASSERT_FALSE(law().is_discarded());
  std::map<std::string, std::multiset<std::string>> found;
  for (const auto& rule : law()["rules"])
    found[rule.value("clock", "")].insert(rule.value("version", ""));
  for (const auto& [clock, expected] : kClockVersions) {
    SCOPED_TRACE(clock);
    std::multiset<std::string> want(expected.begin(), expected.end());
    EXPECT_EQ(found[clock], want);
  }
  for (const auto& [clock, in] : found)
    EXPECT_TRUE(kClockVersions.count(clock)) << clock << " is not in the table";
}

// The same clock keeps the same shape across versions: what starts it, what meets it.
TEST(LawTextTest, ClocksAgreeAcrossVersions) {
  ASSERT_FALSE(law().is_discarded());
  std::map<std::string, json> first;
  for (const auto& rule : law()["rules"]) {
    const std::string clock = rule.value("clock", "");
    if (!first.count(clock)) {
      first[clock] = rule;
      continue;
    }
    SCOPED_TRACE(id_of(rule));
    const json& other = first[clock];
    EXPECT_EQ(rule.value("kind", "deadline"), other.value("kind", "deadline"));
    EXPECT_EQ(rule["from"], other["from"]);
    EXPECT_EQ(rule.value("to", json::array()), other.value("to", json::array()));
    EXPECT_EQ(rule.value("binds", "authorities"), other.value("binds", "authorities"));
    EXPECT_EQ(rule.value("requires_flag", ""), other.value("requires_flag", ""));
  }
}

// Every 2018 quote is the words of the article it names, in the text of the law.
TEST(LawTextTest, Quotes2018AreTheArticlesWords) {
  ASSERT_FALSE(law().is_discarded());
  const std::string text = read_file(kText2018);
  ASSERT_FALSE(text.empty()) << kText2018 << " is missing";
  const auto lines = lines_of(text);
  // The reader finds the articles around the ones quoted, and the last one.
  ASSERT_TRUE(article_text(lines, 1));
  ASSERT_TRUE(article_text(lines, 105));
  ASSERT_TRUE(article_text(lines, 308));
  EXPECT_FALSE(article_text(lines, 309));
  EXPECT_NE(article_text(lines, 105)->find("期间以时、日、月计算"), std::string::npos);
  int checked = 0;
  for (const auto& rule : law()["rules"]) {
    if (rule.value("version", "") != "2018") continue;
    SCOPED_TRACE(id_of(rule));
    const std::string article = rule.value("article", "");
    ASSERT_TRUE(std::regex_match(article, std::regex("^[1-9][0-9]{0,2}$"))) << article;
    auto words = article_text(lines, std::stoi(article));
    ASSERT_TRUE(words) << "no 第" << chinese_numeral(std::stoi(article)) << "条 in " << kText2018;
    const std::string quote = normalise(rule["quote"]["zh"].get<std::string>());
    ASSERT_FALSE(quote.empty());
    EXPECT_NE(normalise(*words).find(quote), std::string::npos)
        << "quote.zh is not in 第" << chinese_numeral(std::stoi(article)) << "条:\n"
        << rule["quote"]["zh"].get<std::string>() << "\n--- the article:\n"
        << *words;
    // Whole sentences: the quote ends where a sentence does.
    const std::string ending = quote.substr(quote.size() - 3);
    EXPECT_TRUE(ending == "。" || ending == "：" || ending == "；") << "ends mid-sentence";
    ++checked;
  }
  EXPECT_EQ(checked, 15);
}

TEST(LawTextTest, NoLegalBasis) {
  ASSERT_FALSE(law().is_discarded());
  std::set<std::string> facilities, events;
  for (const auto& n : law()["no_legal_basis"]) {
    SCOPED_TRACE(n.dump());
    const bool facility = has_string(n, "facility_type"), event = has_string(n, "event_type");
    EXPECT_NE(facility, event) << "a facility_type or an event_type";
    if (facility) {
      EXPECT_TRUE(kFacilityTypes.count(n["facility_type"].get<std::string>()));
      facilities.insert(n["facility_type"].get<std::string>());
    }
    if (event) {
      EXPECT_TRUE(kEventTypes.count(n["event_type"].get<std::string>()));
      events.insert(n["event_type"].get<std::string>());
    }
    EXPECT_TRUE(has_text(n, "text"));
  }
  EXPECT_EQ(facilities, kFacilityTypes);
  EXPECT_EQ(events, std::set<std::string>{"disappearance"});
}

TEST(LawTextTest, OrderPairs) {
  ASSERT_FALSE(law().is_discarded());
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& p : law()["order"]) {
    SCOPED_TRACE(p.dump());
    ASSERT_TRUE(p.is_array() && p.size() == 2);
    ASSERT_TRUE(p[0].is_string() && p[1].is_string());
    const std::string a = p[0].get<std::string>(), b = p[1].get<std::string>();
    EXPECT_TRUE(kEventTypes.count(a) && kEventTypes.count(b));
    EXPECT_NE(a, b);
    EXPECT_TRUE(pairs.insert({a, b}).second) << "listed twice";
  }
  // No pair and its reverse, and no cycle through several pairs.
  std::map<std::string, std::set<std::string>> after;
  for (const auto& [a, b] : pairs) after[a].insert(b);
  std::function<bool(const std::string&, const std::string&, std::set<std::string>&)> reaches =
      [&](const std::string& from, const std::string& to, std::set<std::string>& seen) {
        if (from == to) return true;
        if (!seen.insert(from).second) return false;
        for (const auto& next : after[from])
          if (reaches(next, to, seen)) return true;
        return false;
      };
  for (const auto& [a, b] : pairs) {
    std::set<std::string> seen;
    EXPECT_FALSE(reaches(b, a, seen)) << a << " and " << b << " are ordered both ways";
  }
  // The steps every case takes in this order.
  for (const auto& [a, b] :
       std::vector<std::pair<std::string, std::string>>{{"indicted", "trial"},
                                                        {"trial", "verdict"},
                                                        {"verdict", "appeal"},
                                                        {"appeal", "appeal_ruling"}})
    EXPECT_TRUE(pairs.count({a, b})) << a << " before " << b;
}

}  // namespace
