// Treaties, reviews and recommendations on the site (treaty_pages.cpp, review_pages.cpp,
// recommendation_pages.cpp): the "UN and dialogues" hub, a treaty with its protocol and
// reviews, the reviews with their responses, the iCalendar file parsed back, the filtered
// list of recommendations with its counts and pages, a recommendation's implementation over
// time, and the read API. Restricted records (a treaty, a review, a recommendation, a
// submission, and a case given as evidence) appear on no page and in no API answer.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "demo_site.hpp"
#include "web/review_calendar.hpp"

namespace jz::web {
namespace {

// Test records only. CAT (signed and ratified, two reservations) with its optional protocol
// (neither signed nor ratified) and ICCPR (signed, not ratified); a past CAT review with a
// document, a public and a restricted submission and three public recommendations (and one
// restricted); a UPR known only to the month, with one recommendation; a CAT review in 2099;
// 52 recommendations of one review for paging; an engagement and an indicator for the API.
std::string extra() {
  std::string out =
      R"({"id":"y0000000ca1","kind":"treaty","body":{"code":"CAT","type":"core","name":{"zh":"禁止酷刑公约","en":"Convention against Torture"},"monitoring_body":{"en":"Committee against Torture"},"adopted":"1984-12-10","signed":"1986-12-12","ratified":"1988-10-04","reservations":[{"en":"China does not recognize the competence of the Committee provided for in article 20."},{"en":"China does not consider itself bound by article 30, paragraph 1."}]}}
{"id":"y0000000cp1","kind":"treaty","body":{"code":"OP-CAT","type":"optional_protocol","name":{"en":"Optional Protocol to the Convention against Torture"},"parent":"y0000000ca1","adopted":"2002-12-18"}}
{"id":"y0000000cc1","kind":"treaty","body":{"code":"ICCPR","type":"core","name":{"zh":"公民权利和政治权利国际公约","en":"International Covenant on Civil and Political Rights"},"signed":"1998-10-05"}}
{"id":"y0000000hd1","kind":"treaty","visibility":"restricted","body":{"code":"HIDDEN","type":"other","name":{"en":"SECRET-TREATY"}}}
{"id":"s0000000sb1","kind":"source","body":{"type":"report","title":{"en":"Shadow report to the Committee against Torture"},"published":"2008-10"}}
{"id":"s0000000sx1","kind":"source","visibility":"restricted","body":{"type":"report","title":{"en":"SECRET-SUBMISSION"}}}
{"id":"c0000000ev1","kind":"case","body":{"title":{"en":"Case showing re-education through labour"}}}
{"id":"c0000000ex1","kind":"case","visibility":"restricted","body":{"title":{"en":"SECRET-EVIDENCE-CASE"}}}
{"id":"v0000000pa1","kind":"review","body":{"body":"cat","treaty":"y0000000ca1","cycle":"4th periodic report","title":{"zh":"禁止酷刑委员会第四次审议","en":"Fourth review of China by the Committee against Torture"},"date":"2008-11-07","state_report":"2006","documents":[{"symbol":"CAT/C/CHN/CO/4","title":{"en":"Concluding observations"},"url":"https://example.org/cat-c-chn-co-4","date":"2008-12-12"}],"submissions":["s0000000sb1","s0000000sx1"]}}
{"id":"v0000000pr1","kind":"review","body":{"body":"upr","cycle":"UPR session 4","title":{"zh":"第一次普遍定期审议","en":"First Universal Periodic Review of China"},"date":"2009-02"}}
{"id":"v0000000f01","kind":"review","body":{"body":"cat","treaty":"y0000000ca1","cycle":"6th periodic report","title":{"zh":"第六次审议，标题很长，必须在日历文件中折行才能符合规范的要求","en":"Sixth review; with commas, a semicolon and a title long enough to be folded"},"date":"2099-11-17/2099-11-18"}}
{"id":"v0000000rx1","kind":"review","visibility":"restricted","body":{"body":"crc","title":{"en":"SECRET-REVIEW"},"date":"2099-01-05"}}
{"id":"v0000000pg1","kind":"review","body":{"body":"cedaw","title":{"en":"Paging review"},"date":"2006-08"}}
{"id":"r0000000a01","kind":"recommendation","body":{"review":"v0000000pa1","document":"CAT/C/CHN/CO/4","paragraph":"114.2","text":{"zh":"废除劳动教养。","en":"Abolish re-education through labour."},"themes":["detention","torture_and_other_cid_treatment"],"response":"accepted","response_text":{"en":"The system is under reform."},"assessments":[{"date":"2010","status":"not_implemented","text":{"en":"Still in use."},"sources":[{"source":"s0000000sb1","locator":"p. 4"},{"source":"s0000000sx1","locator":"p. 9"}],"evidence":["c0000000ev1"]},{"date":"2014-01-01","status":"implemented","text":{"en":"Abolished by the NPC Standing Committee."},"evidence":["c0000000ev1","c0000000ex1"]}]}}
{"id":"r0000000a02","kind":"recommendation","body":{"review":"v0000000pa1","document":"CAT/C/CHN/CO/4","paragraph":"114.10","text":{"en":"Publish statistics on the death penalty."},"themes":["death_penalty"],"response":"noted","assessments":[{"date":"2012","status":"worsened"}]}}
{"id":"r0000000a03","kind":"recommendation","body":{"review":"v0000000pa1","document":"CAT/C/CHN/CO/4","paragraph":"114.9","text":{"en":"Reduce the number of crimes punishable by death."},"themes":["death_penalty","detention"],"response":"accepted"}}
{"id":"r0000000x01","kind":"recommendation","visibility":"restricted","body":{"review":"v0000000pa1","paragraph":"114.1","text":{"en":"SECRET-RECOMMENDATION"},"themes":["detention"],"response":"accepted"}}
{"id":"r0000000b01","kind":"recommendation","body":{"review":"v0000000pr1","document":"A/HRC/11/25","paragraph":"114.1","text":{"zh":"保护人权捍卫者。","en":"Protect human rights defenders."},"themes":["human_rights_defenders"],"from":"Canada","response":"rejected"}}
{"id":"g0000000dg1","kind":"engagement","body":{"type":"dialogue","name":{"en":"Test dialogue"}}}
{"id":"n0000000dp1","kind":"indicator","body":{"dimension":"death_penalty","title":{"en":"Death penalty"}}}
)";
  for (int i = 0; i < 52; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "r00000pg%03d", i);
    out += R"({"id":")" + std::string(id) +
           R"(","kind":"recommendation","body":{"review":"v0000000pg1","paragraph":")" +
           std::to_string(i + 1) + R"(","text":{"en":"Paging recommendation )" +
           std::to_string(i + 1) + R"(."},"response":"pending"}})" + "\n";
  }
  return out;
}

// The public records of `kind` in the demo data: pages and the API show them beside these.
std::size_t demo_count(std::string_view kind) {
  std::ifstream in(JZ_DEMO_FILE);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    if (j["kind"] == kind && j.value("visibility", "public") == "public") ++n;
  }
  return n;
}

bool has(const std::string& body, std::string_view what) {
  return body.find(what) != std::string::npos;
}

// The number of times `what` occurs in `body`.
std::size_t count(const std::string& body, std::string_view what) {
  std::size_t n = 0;
  for (auto at = body.find(what); at != std::string::npos; at = body.find(what, at + 1)) ++n;
  return n;
}

// The part of `body` from `from` to the next `to` ("" when `from` is missing).
std::string between(const std::string& body, std::string_view from, std::string_view to) {
  auto a = body.find(from);
  if (a == std::string::npos) return "";
  auto b = body.find(to, a + from.size());
  return body.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

class StandingPages : public DemoSiteTest {
 protected:
  static void SetUpTestSuite() { make_database("jz-standing-", extra().c_str()); }
  static void TearDownTestSuite() { remove_database(); }

  // Every page of these kinds that a reader can reach, in every language.
  static std::vector<std::string> public_pages() {
    std::vector<std::string> out;
    for (const char* lang : {"zh-hans", "zh-hant", "en"})
      for (const char* rest :
           {"/treaties/", "/treaties/y0000000ca1", "/treaties/y0000000cp1", "/treaties/y0000000cc1",
            "/reviews/", "/reviews.ics", "/reviews/v0000000pa1", "/reviews/v0000000pr1",
            "/reviews/v0000000f01", "/recommendations/", "/recommendations/?review=v0000000pa1",
            "/recommendations/?theme=detention", "/recommendations/r0000000a01",
            "/recommendations/r0000000a02", "/recommendations/r0000000b01"})
        out.push_back("/" + std::string(lang) + rest);
    return out;
  }
};

TEST_F(StandingPages, TheHubListsEveryTreatyWithChinasSignatureAndRatification) {
  auto en = get("/en/treaties/");
  ASSERT_EQ(en.status, 200);
  const std::string& b = en.body;
  EXPECT_TRUE(has(b, "<h1>UN and dialogues</h1>"));
  // In the header, after "Opportunities", and current here.
  EXPECT_TRUE(has(b, "<a href=\"/en/treaties/\" aria-current=\"page\">UN and dialogues</a>"));
  EXPECT_LT(b.find(">Opportunities</a>"), b.find(">UN and dialogues</a>"));
  // Core treaties first (by code), then protocols.
  std::string cat = between(b, "<tr><td><a href=\"/en/treaties/y0000000ca1\">CAT</a>", "</tr>");
  ASSERT_FALSE(cat.empty()) << b;
  EXPECT_TRUE(has(cat, "Convention against Torture"));
  EXPECT_TRUE(has(cat, "<td>Core human-rights treaty</td>"));
  EXPECT_TRUE(has(cat, "<td>signed 12 December 1986, ratified 4 October 1988</td>"));
  EXPECT_TRUE(has(cat, "<td>2</td>")) << "two reservations";
  std::string iccpr = between(b, "<a href=\"/en/treaties/y0000000cc1\">ICCPR</a>", "</tr>");
  EXPECT_TRUE(has(iccpr, "<td>signed 5 October 1998, not ratified</td>")) << iccpr;
  EXPECT_TRUE(has(iccpr, "<td>0</td>"));
  std::string op = between(b, "<a href=\"/en/treaties/y0000000cp1\">OP-CAT</a>", "</tr>");
  EXPECT_TRUE(has(op, "<td>neither signed nor ratified</td>")) << op;
  EXPECT_TRUE(has(op, "<td>Optional protocol</td>"));
  EXPECT_LT(b.find("/en/treaties/y0000000ca1\""), b.find("/en/treaties/y0000000cc1\""));
  EXPECT_LT(b.find("/en/treaties/y0000000cc1\""), b.find("/en/treaties/y0000000cp1\""));

  // The coming review, then the five latest past ones (as /reviews/ lists them, with the
  // demo's); the restricted review nowhere.
  auto coming = b.find("<h2>Coming reviews</h2>");
  auto latest = b.find("<h2>Latest reviews</h2>");
  ASSERT_NE(coming, std::string::npos);
  ASSERT_NE(latest, std::string::npos);
  auto future = b.find("href=\"/en/reviews/v0000000f01\"");
  EXPECT_GT(future, coming);
  EXPECT_LT(future, latest);
  static const std::regex review_link("<a href=\"/en/reviews/(v[0-9a-z]{10})\"");
  auto links = [](const std::string& html) {
    std::vector<std::string> out;
    for (std::sregex_iterator it(html.begin(), html.end(), review_link), end; it != end; ++it)
      out.push_back((*it)[1]);
    return out;
  };
  auto all = get("/en/reviews/");
  auto past = links(all.body.substr(all.body.find("<h2>Past reviews</h2>")));
  ASSERT_GE(past.size(), 5u);
  past.resize(5);
  EXPECT_EQ(links(between(b, "<h2>Latest reviews</h2>", "</ul>")), past);
  for (const char* href : {"/en/reviews/", "/en/recommendations/", "/en/engagements/",
                           "/en/indicators/", "/en/reviews.ics"})
    EXPECT_TRUE(has(b, std::string("href=\"") + href + "\"")) << href;
  EXPECT_FALSE(has(b, "SECRET"));

  auto hans = get("/zh-hans/treaties/");
  ASSERT_EQ(hans.status, 200);
  EXPECT_TRUE(has(hans.body, "<h1>联合国与对话</h1>"));
  EXPECT_TRUE(has(hans.body, "<td>1998年10月5日签署，未批准</td>"));
  EXPECT_TRUE(has(hans.body, "禁止酷刑公约"));
  auto hant = get("/zh-hant/treaties/");
  ASSERT_EQ(hant.status, 200);
  EXPECT_TRUE(has(hant.body, "聯合國與對話"));
  EXPECT_TRUE(has(hant.body, "公民權利和政治權利國際公約"));
}

TEST_F(StandingPages, ATreatyShowsItsReservationsProtocolsAndReviews) {
  auto en = get("/en/treaties/y0000000ca1");
  ASSERT_EQ(en.status, 200);
  const std::string& b = en.body;
  EXPECT_TRUE(has(b, "<dt>Monitoring body</dt><dd>Committee against Torture</dd>"));
  EXPECT_TRUE(has(b, "<dt>Adopted</dt><dd>10 December 1984</dd>"));
  EXPECT_TRUE(has(b, "<dd>signed 12 December 1986, ratified 4 October 1988</dd>"));
  std::string reservations = between(b, "<h2>Reservations</h2>", "</section>");
  EXPECT_TRUE(has(reservations, "competence of the Committee provided for in article 20."));
  EXPECT_TRUE(has(reservations, "article 30, paragraph 1."));
  std::string protocols = between(b, "<h2>Optional protocols</h2>", "</section>");
  EXPECT_TRUE(has(protocols, "<a href=\"/en/treaties/y0000000cp1\">OP-CAT</a>"));
  EXPECT_TRUE(has(protocols, "neither signed nor ratified"));
  std::string reviews = between(b, "<h2>Reviews</h2>", "</section>");
  EXPECT_LT(reviews.find("/en/reviews/v0000000f01"), reviews.find("/en/reviews/v0000000pa1"))
      << "coming first";
  EXPECT_FALSE(has(reviews, "v0000000pr1")) << "the UPR reviews no treaty";

  auto op = get("/en/treaties/y0000000cp1");
  ASSERT_EQ(op.status, 200);
  EXPECT_TRUE(has(op.body,
                  "<dt>Protocol to</dt><dd><a href=\"/en/treaties/y0000000ca1\">"
                  "Convention against Torture</a></dd>"));
  EXPECT_FALSE(has(op.body, "<h2>Optional protocols</h2>"));

  EXPECT_EQ(get("/en/treaties/y0000000hd1").status, 404) << "restricted";
  EXPECT_EQ(get("/en/treaties/y00000000zz").status, 404) << "unknown";
  EXPECT_EQ(get("/en/treaties/v0000000pa1").status, 404) << "a review is not a treaty";
}

TEST_F(StandingPages, TheReviewsListComingFirstWithTheirResponsesAndTheCalendar) {
  auto en = get("/en/reviews/");
  ASSERT_EQ(en.status, 200);
  const std::string& b = en.body;
  EXPECT_TRUE(has(b, "<a href=\"/en/reviews.ics\" type=\"text/calendar\">"));
  auto f01 = b.find("/en/reviews/v0000000f01");
  auto pr1 = b.find("/en/reviews/v0000000pr1");
  auto pa1 = b.find("/en/reviews/v0000000pa1");
  auto pg1 = b.find("/en/reviews/v0000000pg1");
  auto past = b.find("<h2>Past reviews</h2>");
  ASSERT_NE(past, std::string::npos);
  EXPECT_LT(f01, past);
  EXPECT_GT(pr1, past);
  EXPECT_LT(pr1, pa1);
  EXPECT_LT(pa1, pg1);
  EXPECT_TRUE(has(b, "17 November 2099 – 18 November 2099"));
  // Body, cycle and treaty; counts without the restricted recommendation.
  std::string row = between(b, "<time datetime=\"2008-11-07\">", "</li>");
  EXPECT_TRUE(has(row, "Committee against Torture"));
  EXPECT_TRUE(has(row, "4th periodic report"));
  EXPECT_TRUE(has(row, ">Convention against Torture</a>"));
  EXPECT_TRUE(has(row, ">3 recommendations</a>"));
  EXPECT_TRUE(has(row, "response=accepted\">Accepted 2</a>"));
  EXPECT_TRUE(has(row, "response=noted\">Noted 1</a>"));
  EXPECT_TRUE(has(between(b, "/en/reviews/v0000000pr1", "</li>"), "Rejected 1</a>"));
  EXPECT_TRUE(has(between(b, "/en/reviews/v0000000pg1", "</li>"), ">52 recommendations</a>"));
  EXPECT_FALSE(has(b, "SECRET"));
  EXPECT_FALSE(has(b, "v0000000rx1"));
  // The nav marks "UN and dialogues" here too.
  EXPECT_TRUE(has(b, "<a href=\"/en/treaties/\" aria-current=\"page\">"));
}

// The calendar file's lines, unfolded (RFC 5545 §3.1), after checking each physical line.
std::vector<std::string> unfold(const std::string& ics) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < ics.size()) {
    auto end = ics.find("\r\n", at);
    EXPECT_NE(end, std::string::npos) << "every line ends in CRLF";
    if (end == std::string::npos) break;
    std::string line = ics.substr(at, end - at);
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos) << "no bare LF";
    // Never cut inside a UTF-8 character: no line starts with a continuation byte.
    std::string content = line.starts_with(' ') ? line.substr(1) : line;
    if (!content.empty()) {
      EXPECT_NE(static_cast<unsigned char>(content[0]) & 0xC0, 0x80) << line;
    }
    if (line.starts_with(' ') && !lines.empty())
      lines.back() += content;
    else
      lines.push_back(line);
    at = end + 2;
  }
  return lines;
}

// A TEXT value as written, unescaped.
std::string unescape(std::string_view v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '\\' && i + 1 < v.size()) {
      ++i;
      out += v[i] == 'n' || v[i] == 'N' ? '\n' : v[i];
    } else {
      out += v[i];
    }
  }
  return out;
}

using Event = std::map<std::string, std::string>;  // "NAME;PARAMS" -> value

// The VEVENTs of a calendar, and checks of its frame.
std::vector<Event> parse_calendar(const std::string& ics) {
  auto lines = unfold(ics);
  EXPECT_FALSE(lines.empty());
  if (lines.empty()) return {};
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  std::vector<Event> events;
  bool in_event = false;
  for (const auto& line : lines) {
    auto colon = line.find(':');
    EXPECT_NE(colon, std::string::npos) << line;
    std::string name = line.substr(0, colon), value = line.substr(colon + 1);
    if (line == "BEGIN:VEVENT") {
      EXPECT_FALSE(in_event);
      in_event = true;
      events.emplace_back();
    } else if (line == "END:VEVENT") {
      in_event = false;
    } else if (in_event) {
      EXPECT_FALSE(events.back().contains(name)) << "once: " << name;
      events.back()[name] = value;
    }
  }
  EXPECT_FALSE(in_event);
  return events;
}

std::string stamp_of(const std::string& db, const std::string& id) {
  auto store = store::open_sqlite(db, {.read_only = true});
  EXPECT_TRUE(store);
  auto r = (*store)->get(id);
  EXPECT_TRUE(r);
  std::string out;
  for (char c : r->updated)
    if (c != '-' && c != ':') out += c;
  return out;
}

TEST_F(StandingPages, TheCalendarIsValidICalendarBuiltFromTheRecords) {
  auto en = get("/en/reviews.ics");
  ASSERT_EQ(en.status, 200);
  EXPECT_EQ(en.content_type, "text/calendar; charset=utf-8");
  auto lines = unfold(en.body);
  for (const char* line :
       {"VERSION:2.0", "CALSCALE:GREGORIAN", "X-WR-CALNAME:Reviews of China by UN bodies"})
    EXPECT_NE(std::find(lines.begin(), lines.end(), line), lines.end()) << line;
  EXPECT_TRUE(std::any_of(lines.begin(), lines.end(),
                          [](const std::string& l) { return l.starts_with("PRODID:"); }));

  // Every public review (the demo's too), by date; not the restricted one.
  auto all = parse_calendar(en.body);
  EXPECT_EQ(all.size(), demo_count("review") + 4) << en.body;
  EXPECT_FALSE(has(en.body, "SECRET"));
  for (std::size_t i = 1; i < all.size(); ++i)
    EXPECT_LE(all[i - 1]["DTSTART;VALUE=DATE"], all[i]["DTSTART;VALUE=DATE"]) << i;
  auto ours = [](std::vector<Event> events) {
    std::erase_if(events, [](Event& e) { return !e["UID"].starts_with("v0000000"); });
    return events;
  };
  auto events = ours(all);
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0]["UID"], "v0000000pg1@jianzheng");
  EXPECT_EQ(events[1]["UID"], "v0000000pa1@jianzheng");
  EXPECT_EQ(events[2]["UID"], "v0000000pr1@jianzheng");
  EXPECT_EQ(events[3]["UID"], "v0000000f01@jianzheng");
  for (auto& e : events) {
    for (const char* name : {"UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY"})
      EXPECT_TRUE(e.contains(name)) << e["UID"] << " " << name;
    // DTSTAMP is the record's last change, not the time of the request.
    std::string id = e["UID"].substr(0, e["UID"].find('@'));
    EXPECT_EQ(e["DTSTAMP"], stamp_of(*db_, id)) << id;
    EXPECT_TRUE(std::regex_match(e["DTSTAMP"], std::regex("\\d{8}T\\d{6}Z"))) << e["DTSTAMP"];
  }
  // An exact day, one day long; a range of two days; a month: its first day, and said so.
  EXPECT_EQ(events[1]["DTSTART;VALUE=DATE"], "20081107");
  EXPECT_EQ(events[1]["DTEND;VALUE=DATE"], "20081108");
  EXPECT_EQ(unescape(events[1]["SUMMARY"]),
            "Committee against Torture: Fourth review of China by the Committee against Torture");
  EXPECT_EQ(unescape(events[1]["DESCRIPTION"]),
            "4th periodic report\nCAT — Convention against Torture");
  EXPECT_EQ(events[3]["DTSTART;VALUE=DATE"], "20991117");
  EXPECT_EQ(events[3]["DTEND;VALUE=DATE"], "20991119");
  EXPECT_EQ(unescape(events[3]["SUMMARY"]),
            "Committee against Torture: Sixth review; with commas, a semicolon and a title long "
            "enough to be folded");
  EXPECT_TRUE(has(events[3]["SUMMARY"], "Sixth review\\; with commas\\,"));
  EXPECT_EQ(events[2]["DTSTART;VALUE=DATE"], "20090201");
  EXPECT_EQ(events[2]["DTEND;VALUE=DATE"], "20090202");
  EXPECT_EQ(unescape(events[2]["DESCRIPTION"]), "UPR session 4\ndate approximate (month)");
  // The long summary was folded: a physical line starts with a space.
  EXPECT_TRUE(has(en.body, "\r\n "));

  // The same bytes when rendered again (another target: not from the page cache).
  EXPECT_EQ(get("/en/reviews.ics?again=1").body, en.body);

  // In Chinese: the summary and the note in the reader's language, folded between characters.
  auto hans = get("/zh-hans/reviews.ics");
  ASSERT_EQ(hans.status, 200);
  auto zh = ours(parse_calendar(hans.body));
  ASSERT_EQ(zh.size(), 4u);
  EXPECT_EQ(unescape(zh[3]["SUMMARY"]),
            "禁止酷刑委员会：第六次审议，标题很长，必须在日历文件中折行才能符合规范的要求");
  EXPECT_EQ(unescape(zh[2]["DESCRIPTION"]), "UPR session 4\n日期为约数（仅知月份）");
  EXPECT_TRUE(has(hans.body, "X-WR-CALNAME:联合国机构对中国的审议\r\n"));
}

TEST(ReviewCalendar, FoldsAt75OctetsWithoutCuttingACharacter) {
  std::string value(40, 'a');
  for (int i = 0; i < 30; ++i) value += "审";  // 3 octets each
  std::string folded = ical_line("SUMMARY:" + value);
  std::string unfolded;
  std::size_t at = 0;
  while (at < folded.size()) {
    auto end = folded.find("\r\n", at);
    ASSERT_NE(end, std::string::npos);
    std::string line = folded.substr(at, end - at);
    EXPECT_LE(line.size(), 75u);
    if (at > 0) {
      ASSERT_TRUE(line.starts_with(' '));
      line.erase(0, 1);
      EXPECT_NE(static_cast<unsigned char>(line[0]) & 0xC0, 0x80);
    }
    unfolded += line;
    at = end + 2;
  }
  EXPECT_EQ(unfolded, "SUMMARY:" + value);
  EXPECT_EQ(ical_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
}

TEST_F(StandingPages, AReviewShowsItsDocumentsSubmissionsAndRecommendationsByResponse) {
  auto en = get("/en/reviews/v0000000pa1");
  ASSERT_EQ(en.status, 200);
  const std::string& b = en.body;
  EXPECT_TRUE(has(b, "<dt>Reviewed by</dt><dd>Committee against Torture</dd>"));
  EXPECT_TRUE(has(b, "<dt>Cycle</dt><dd>4th periodic report</dd>"));
  EXPECT_TRUE(has(b, "<dt>State report</dt><dd>2006</dd>"));
  EXPECT_TRUE(has(b, "<dt>Treaty</dt><dd><a href=\"/en/treaties/y0000000ca1\">"));
  EXPECT_TRUE(has(b,
                  "<a href=\"https://example.org/cat-c-chn-co-4\" rel=\"nofollow noopener\">"
                  "CAT/C/CHN/CO/4</a> <span>Concluding observations</span> <small>12 December "
                  "2008</small>"));
  std::string submissions = between(b, "<h2>Submissions by civil society</h2>", "</section>");
  EXPECT_TRUE(has(submissions, "href=\"/en/sources/s0000000sb1\""));
  EXPECT_FALSE(has(b, "SECRET"));
  EXPECT_FALSE(has(b, "s0000000sx1"));
  EXPECT_FALSE(has(b, "r0000000x01"));

  EXPECT_TRUE(has(b, "<a href=\"/en/recommendations/?review=v0000000pa1\">3 recommendations</a>"));
  std::string by_response = between(b, "<h3>By response</h3>", "</ul>");
  EXPECT_TRUE(has(by_response, "<a href=\"#response-accepted\">Accepted</a> 2"));
  EXPECT_TRUE(has(by_response, "<a href=\"#response-noted\">Noted</a> 1"));
  std::string by_theme = between(b, "<h3>By theme</h3>", "</ul>");
  EXPECT_TRUE(has(by_theme,
                  "<a href=\"/en/recommendations/?review=v0000000pa1&amp;theme=detention\">"
                  "Detention</a> 2"));
  EXPECT_TRUE(has(by_theme, ">Death penalty</a> 2"));
  EXPECT_TRUE(has(by_theme, ">Torture and other cruel, inhuman or degrading treatment</a> 1"));
  // Most recommendations first.
  EXPECT_LT(by_theme.find("Detention"), by_theme.find("Torture"));

  // Grouped by response; in a group, paragraphs in their natural order (114.2, 114.9).
  std::string accepted = between(b, "<h3 id=\"response-accepted\">", "</ul>");
  EXPECT_TRUE(has(accepted, "Accepted (2)"));
  auto p2 = accepted.find("href=\"/en/recommendations/r0000000a01\">Para. 114.2</a>");
  auto p9 = accepted.find("href=\"/en/recommendations/r0000000a03\">Para. 114.9</a>");
  ASSERT_NE(p2, std::string::npos) << accepted;
  EXPECT_LT(p2, p9);
  EXPECT_TRUE(has(accepted, "Implementation: Implemented")) << "the latest assessment";
  std::string noted = between(b, "<h3 id=\"response-noted\">", "</ul>");
  EXPECT_TRUE(has(noted, "Para. 114.10"));
  EXPECT_TRUE(has(noted, "Implementation: Worsened"));

  auto upr = get("/en/reviews/v0000000pr1");
  ASSERT_EQ(upr.status, 200);
  EXPECT_TRUE(has(upr.body, "Recommended by: <span>Canada</span>"));
  EXPECT_TRUE(has(upr.body, "<dd>February 2009</dd>"));
  auto hans = get("/zh-hans/reviews/v0000000pr1");
  EXPECT_TRUE(has(hans.body, "建议国: <span lang=\"en\">Canada</span>"));
  EXPECT_TRUE(has(hans.body, "保护人权捍卫者。"));

  EXPECT_EQ(get("/en/reviews/v0000000rx1").status, 404) << "restricted";
  EXPECT_EQ(get("/en/reviews/v00000000zz").status, 404);
  EXPECT_EQ(get("/en/reviews/y0000000ca1").status, 404);
}

// The ids of the recommendations a list page shows, in order.
std::vector<std::string> listed(const std::string& body) {
  std::vector<std::string> out;
  std::string list = between(body, "<ul class=\"recs\">", "</ul>\n");
  static const std::regex link("<li><a href=\"/en/recommendations/(r[0-9a-z]{10})\">");
  for (std::sregex_iterator it(list.begin(), list.end(), link), end; it != end; ++it)
    out.push_back((*it)[1]);
  return out;
}

TEST_F(StandingPages, RecommendationsFilterByReviewResponseThemeAndImplementation) {
  auto all = get("/en/recommendations/");
  ASSERT_EQ(all.status, 200);
  const std::size_t total = demo_count("recommendation") + 56;
  EXPECT_TRUE(has(all.body, "<p class=\"total\">Records: " + std::to_string(total) + "</p>"));
  EXPECT_FALSE(has(all.body, "SECRET"));
  // Every page of 50, together: the newest review first (ours: the UPR of 2009, CAT 2008
  // by paragraph, then 2006, by paragraph number); each recommendation once.
  std::vector<std::string> every;
  for (std::size_t page = 1; page <= (total + 49) / 50; ++page) {
    auto shown = listed(get("/en/recommendations/?page=" + std::to_string(page)).body);
    EXPECT_EQ(shown.size(), std::min<std::size_t>(50, total - (page - 1) * 50)) << page;
    every.insert(every.end(), shown.begin(), shown.end());
  }
  EXPECT_EQ(every.size(), total);
  std::erase_if(every, [](const std::string& id) { return !id.starts_with("r0000"); });
  ASSERT_EQ(every.size(), 56u);
  EXPECT_EQ((std::vector<std::string>(every.begin(), every.begin() + 6)),
            (std::vector<std::string>{"r0000000b01", "r0000000a01", "r0000000a03", "r0000000a02",
                                      "r00000pg000", "r00000pg001"}));
  EXPECT_EQ(every.back(), "r00000pg051");
  // The facets as links with counts; every choice keeps the others.
  std::string reviews = between(all.body, "<h2>Review</h2>", "</ul>");
  EXPECT_TRUE(has(reviews,
                  "<ul><li><a href=\"/en/recommendations/\" aria-current=\"true\">Any</a>"
                  "</li>"));
  EXPECT_TRUE(has(reviews,
                  "<a href=\"/en/recommendations/?review=v0000000pa1\">Fourth review of China by "
                  "the Committee against Torture</a> <small>7 November 2008</small> "
                  "<small>(3)</small>"));
  EXPECT_TRUE(has(reviews,
                  "?review=v0000000pg1\">Paging review</a> <small>August 2006</small> "
                  "<small>(52)</small>"));
  EXPECT_FALSE(has(reviews, "v0000000f01")) << "no recommendation yet";
  EXPECT_LT(reviews.find("v0000000pr1"), reviews.find("v0000000pa1")) << "newest first";
  EXPECT_TRUE(has(between(all.body, "<h2>Response</h2>", "</ul>"),
                  "?response=pending\">Response pending</a> <small>(52)</small>"));
  EXPECT_TRUE(has(all.body, "<a href=\"/en/recommendations/?theme=human_rights_defenders\">"));

  // One review: its three, and the counts of the other facets within it.
  auto review = get("/en/recommendations/?review=v0000000pa1");
  ASSERT_EQ(review.status, 200);
  EXPECT_EQ(listed(review.body),
            (std::vector<std::string>{"r0000000a01", "r0000000a03", "r0000000a02"}));
  EXPECT_TRUE(has(review.body,
                  "<small>Fourth review of China by the Committee against Torture</small></h1>"));
  std::string themes = between(review.body, "<h2>Theme</h2>", "</ul>");
  EXPECT_TRUE(has(themes,
                  "?review=v0000000pa1&amp;theme=death_penalty\">Death penalty</a> "
                  "<small>(2)</small>"));
  EXPECT_FALSE(has(themes, "human_rights_defenders")) << "that one is the UPR's";
  std::string responses = between(review.body, "<h2>Response</h2>", "</ul>");
  EXPECT_TRUE(has(responses,
                  "?review=v0000000pa1&amp;response=accepted\">Accepted</a> "
                  "<small>(2)</small>"))
      << "not the restricted one";
  EXPECT_TRUE(has(responses, ">Noted</a> <small>(1)</small>"));
  std::string implementation = between(review.body, "<h2>Implementation</h2>", "</ul>");
  EXPECT_TRUE(has(implementation,
                  "implementation=implemented\">Implemented</a> "
                  "<small>(1)</small>"));
  EXPECT_TRUE(has(implementation, "implementation=worsened\">Worsened</a> <small>(1)</small>"));
  EXPECT_FALSE(has(implementation, "not_implemented")) << "only the latest assessment counts";
  // The review's own choices still count under the other filters (none here): all reviews.
  EXPECT_TRUE(has(between(review.body, "<h2>Review</h2>", "</ul>"), "(52)"));

  auto two = get("/en/recommendations/?review=v0000000pa1&theme=death_penalty");
  EXPECT_EQ(listed(two.body), (std::vector<std::string>{"r0000000a03", "r0000000a02"}));
  std::string response = between(two.body, "<h2>Response</h2>", "</ul>");
  EXPECT_TRUE(has(response, ">Accepted</a> <small>(1)</small>"));
  EXPECT_TRUE(has(response, ">Noted</a> <small>(1)</small>"));

  auto implemented = get("/en/recommendations/?review=v0000000pa1&implementation=implemented");
  EXPECT_EQ(listed(implemented.body), (std::vector<std::string>{"r0000000a01"}));
  auto rejected = get("/en/recommendations/?review=v0000000pr1&response=rejected");
  EXPECT_EQ(listed(rejected.body), (std::vector<std::string>{"r0000000b01"}));
  auto defenders = get("/en/recommendations/?theme=human_rights_defenders");
  auto found = listed(defenders.body);
  EXPECT_NE(std::find(found.begin(), found.end(), "r0000000b01"), found.end());
  // A chosen value that nothing matches under the others stays shown, with 0.
  auto none = get("/en/recommendations/?review=v0000000pg1&response=rejected");
  ASSERT_EQ(none.status, 200);
  EXPECT_TRUE(listed(none.body).empty());
  EXPECT_TRUE(has(none.body, "No records match."));
  EXPECT_TRUE(has(between(none.body, "<h2>Response</h2>", "</ul>"),
                  "aria-current=\"true\">Rejected</a> <small>(0)</small>"));

  // Pages of 50.
  auto page1 = get("/en/recommendations/?review=v0000000pg1");
  EXPECT_EQ(listed(page1.body).size(), 50u);
  EXPECT_TRUE(has(page1.body,
                  "<a rel=\"next\" href=\"/en/recommendations/?review=v0000000pg1&amp;page=2\">"));
  auto page2 = get("/en/recommendations/?review=v0000000pg1&page=2");
  EXPECT_EQ(listed(page2.body), (std::vector<std::string>{"r00000pg050", "r00000pg051"}))
      << "paragraph 51 and 52 last, in number order";

  // Filters and pages it never links to.
  for (const char* bad :
       {"/en/recommendations/?response=bogus", "/en/recommendations/?theme=x",
        "/en/recommendations/?implementation=done", "/en/recommendations/?review=v0000000rx1",
        "/en/recommendations/?review=v00000000zz", "/en/recommendations/?page=0"})
    EXPECT_EQ(get(bad).status, 400) << bad;
}

TEST_F(StandingPages, ARecommendationShowsItsResponseAndImplementationOverTime) {
  auto en = get("/en/recommendations/r0000000a01");
  ASSERT_EQ(en.status, 200);
  const std::string& b = en.body;
  EXPECT_TRUE(has(b, "<h1>Recommendation 114.2</h1>"));
  EXPECT_TRUE(has(b, "<blockquote><p>Abolish re-education through labour.</p></blockquote>"));
  EXPECT_TRUE(has(b, "<h2>In Chinese</h2><blockquote lang=\"zh-Hans\"><p>废除劳动教养。</p>"));
  EXPECT_TRUE(has(b, "<dt>Review</dt><dd><a href=\"/en/reviews/v0000000pa1\">"));
  EXPECT_TRUE(has(b, "<dt>Document</dt><dd>CAT/C/CHN/CO/4</dd>"));
  EXPECT_TRUE(has(b, "<dt>Paragraph</dt><dd>114.2</dd>"));
  EXPECT_TRUE(has(b, "<dt>Response</dt><dd>Accepted</dd>"));
  EXPECT_TRUE(has(b, "<dt>Implementation</dt><dd>Implemented</dd>"));
  EXPECT_TRUE(has(b, "<a href=\"/en/recommendations/?theme=detention\">Detention</a>"));
  EXPECT_TRUE(has(b, "<h2>China&apos;s response</h2><p>The system is under reform.</p>"));
  // Over time, earliest first, each with its sources and public evidence.
  std::string over_time = between(b, "<h2>Implementation over time</h2>", "</section>");
  auto y2010 =
      over_time.find("<strong>2010</strong> · <span class=\"type\">Not implemented</span>");
  auto y2014 = over_time.find(
      "<time datetime=\"2014-01-01\">1 January 2014</time> · <span "
      "class=\"type\">Implemented</span>");
  ASSERT_NE(y2010, std::string::npos) << over_time;
  ASSERT_NE(y2014, std::string::npos) << over_time;
  EXPECT_LT(y2010, y2014);
  EXPECT_TRUE(has(over_time, "Still in use."));
  EXPECT_TRUE(has(over_time,
                  "<a href=\"/en/sources/s0000000sb1\">Shadow report to the Committee "
                  "against Torture</a> <small>p. 4</small>"));
  EXPECT_EQ(count(over_time, "href=\"/en/cases/c0000000ev1\""), 2u);
  EXPECT_FALSE(has(b, "SECRET"));
  EXPECT_FALSE(has(b, "c0000000ex1"));
  EXPECT_FALSE(has(b, "s0000000sx1"));

  // A Chinese reader gets the Chinese first and the English as the other language.
  auto hans = get("/zh-hans/recommendations/r0000000a01");
  EXPECT_TRUE(has(hans.body, "<h1>第114.2段建议</h1>"));
  EXPECT_TRUE(has(hans.body, "<blockquote><p>废除劳动教养。</p></blockquote>"));
  EXPECT_TRUE(has(hans.body, "<h2>英文</h2><blockquote lang=\"en\"><p>Abolish"));
  // English only: one text, marked as English on a Chinese page; no second.
  auto only_en = get("/zh-hant/recommendations/r0000000a02");
  EXPECT_TRUE(has(only_en.body, "<blockquote lang=\"en\"><p>Publish statistics"));
  EXPECT_EQ(count(only_en.body, "<blockquote"), 1u);

  EXPECT_EQ(get("/en/recommendations/r0000000x01").status, 404) << "restricted";
  EXPECT_EQ(get("/en/recommendations/v0000000pa1").status, 404);
}

TEST_F(StandingPages, NoRestrictedRecordOnAnyPageInAnyLanguage) {
  for (const auto& url : public_pages()) {
    auto r = get(url);
    EXPECT_EQ(r.status, 200) << url;
    for (const char* secret :
         {"SECRET", "c0000000ex1", "s0000000sx1", "r0000000x01", "v0000000rx1", "y0000000hd1"})
      EXPECT_FALSE(has(r.body, secret)) << url << " shows " << secret;
  }
}

TEST_F(StandingPages, TheReadApiServesTheFiveNewCollections) {
  for (auto [collection, kind, ours] : {std::tuple{"treaties", "treaty", 3},
                                        {"reviews", "review", 4},
                                        {"recommendations", "recommendation", 56},
                                        {"engagements", "engagement", 1},
                                        {"indicators", "indicator", 1}}) {
    auto r = get(std::string("/api/v1/") + collection + "?per_page=200");
    ASSERT_EQ(r.status, 200) << collection;
    auto j = nlohmann::json::parse(r.body);
    std::size_t total = demo_count(kind) + static_cast<std::size_t>(ours);
    EXPECT_EQ(j["meta"]["total"], total) << collection;
    EXPECT_EQ(j["data"].size(), total) << collection;
    for (const auto& record : j["data"]) EXPECT_EQ(record["kind"], kind) << collection;
    EXPECT_FALSE(has(r.body, "SECRET")) << collection;
    EXPECT_FALSE(has(r.body, "c0000000ex1")) << collection;
  }
  auto rec = get("/api/v1/recommendations/r0000000a01");
  ASSERT_EQ(rec.status, 200);
  auto j = nlohmann::json::parse(rec.body);
  EXPECT_EQ(j["data"]["kind"], "recommendation");
  EXPECT_EQ(j["data"]["body"]["assessments"][1]["evidence"], (nlohmann::json{"c0000000ev1"}))
      << "the restricted case dropped";
  EXPECT_EQ(j["data"]["body"]["assessments"][0]["sources"].size(), 1u);
  auto review = nlohmann::json::parse(get("/api/v1/reviews/v0000000pa1").body);
  EXPECT_EQ(review["data"]["body"]["submissions"], (nlohmann::json{"s0000000sb1"}));
  EXPECT_EQ(get("/api/v1/recommendations/r0000000x01").status, 404);
  EXPECT_EQ(get("/api/v1/treaties/y0000000hd1").status, 404);
  EXPECT_EQ(get("/api/v1/treaties/v0000000pa1").status, 404) << "a review in treaties";
  auto unknown = get("/api/v1/covenants");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_TRUE(has(unknown.body, "treaties, reviews, recommendations, engagements or indicators"));
  // The OpenAPI document lists them.
  auto doc = nlohmann::json::parse(get("/api/v1/openapi.json").body);
  auto collections = doc["components"]["parameters"]["collection"]["schema"]["enum"];
  for (const char* c : {"treaties", "reviews", "recommendations", "engagements", "indicators"})
    EXPECT_NE(std::find(collections.begin(), collections.end(), c), collections.end()) << c;
}

}  // namespace
}  // namespace jz::web
