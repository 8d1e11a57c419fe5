// The reader's search rendered in-process over the demo data and a few records with hidden
// parts: /{lang}/search in every language and script, its facets and pages, the answer to a
// malformed query, /api/v1/search, and that nothing hidden is ever found.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <regex>

#include "demo_site.hpp"
#include "web/list_query.hpp"

namespace jz::web {
namespace {

namespace fs = std::filesystem;

// Each hidden record or field holds a word found nowhere else; none may select a result.
constexpr const char* kHidden = R"(
{"id":"p0000000c01","kind":"person","visibility":"confidential","body":{"name":{"zh":"机密人甲","en":"Zebraconfidential"},"status":"detained"}}
{"id":"p0000000r01","kind":"person","visibility":"restricted","body":{"name":{"en":"Quokkarestricted"},"status":"disappeared"}}
{"id":"t0000000c01","kind":"topic","visibility":"confidential","body":{"key":"hidden_topic","title":{"zh":"机密专题","en":"Tapirtopic"}}}
{"id":"p0000000h01","kind":"person","confidential":["/body/health","/body/aliases/0","/body/province","/body/summary"],"body":{"name":{"zh":"公开人乙","en":"Public Person B"},"aliases":[{"name":"Narwhalalias","system":"english"}],"health":{"zh":"袋熊健康","en":"Wombathealth"},"province":"tibet","status":"detained","summary":{"en":"Axolotlsummary"}}}
{"id":"c0000000p01","kind":"case","confidential":["/body/summary"],"body":{"title":{"zh":"公开案件丁","en":"Public case D"},"summary":{"zh":"鸭嘴兽案情","en":"Okapisummary"},"persons":["p0000000h01"],"topics":["t0000000c01"],"status":"on_trial"}}
{"id":"p0000000k01","kind":"person","links":[{"type":"family_of","target":"p0000000c01","note":{"en":"Xylophonenote"}},{"type":"related_to","target":"p44sj9v9201","visibility":"confidential","note":{"en":"Marimbanote"}}],"body":{"name":{"zh":"公开人丙","en":"Public Person C"},"status":"released"}}
)";

// A message key shown instead of its text means a string is missing from the catalogue.
const std::regex kUntranslated(
    R"(>[^<]*\b(ui|kinds|kind|person_status|case_status|province|facility_type)\.[A-Za-z_0-9]+)");

std::string count_of(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return std::to_string(n);
}

class SearchPageTest : public DemoSiteTest {
 protected:
  static void SetUpTestSuite() { make_database("jz-search-", kHidden); }
  static void TearDownTestSuite() { remove_database(); }

  // The search page for `q` (and more parameters, already encoded).
  http::Response search(std::string_view lang, std::string_view q, std::string_view more = "") {
    return get("/" + std::string(lang) + "/search?q=" + percent_encode(q) + std::string(more));
  }
  nlohmann::json api(std::string_view query, int status = 200) {
    auto r = get("/api/v1/search?" + std::string(query));
    EXPECT_EQ(r.status, status) << query << "\n" << r.body;
    EXPECT_EQ(r.content_type, "application/json");
    return nlohmann::json::parse(r.body, nullptr, false);
  }
};

constexpr const char* kLiu = "p44sj9v9201";  // 刘晓波 in data/demo/demo.jsonl
constexpr const char* kLiuCase = "cnvch8d2sae";

TEST_F(SearchPageTest, FindsLiuXiaoboHoweverHisNameIsWrittenInEveryLanguage) {
  for (const char* lang : {"zh-hans", "zh-hant", "en"}) {
    for (const char* q : {"刘晓波", "劉曉波", "liuxiaobo", "\"Liú Xiǎobō\"", "Liu Xiaobo"}) {
      SCOPED_TRACE(std::string(lang) + " " + q);
      auto page = search(lang, q);
      ASSERT_EQ(page.status, 200);
      EXPECT_NE(page.body.find("href=\"/" + std::string(lang) + "/persons/" + kLiu + "\""),
                std::string::npos);
      EXPECT_EQ(page.body.find("{{"), std::string::npos);
      std::smatch m;
      EXPECT_FALSE(std::regex_search(page.body, m, kUntranslated)) << m.str();
      EXPECT_EQ(page.body.find("<script"), std::string::npos);
      std::string shown = std::regex_replace(std::string(q), std::regex("\""), "&quot;");
      EXPECT_NE(page.body.find("name=\"q\" value=\"" + shown + "\">"), std::string::npos)
          << "the query stays in the box";
    }
  }
}

TEST_F(SearchPageTest, MarksTheMatchInTheReadersScript) {
  // A Traditional reader who typed Simplified sees Traditional text, marked.
  auto hant = search("zh-hant", "刘晓波");
  EXPECT_NE(hant.body.find("<mark>劉曉波</mark>"), std::string::npos);
  EXPECT_EQ(hant.body.find("<mark>刘晓波</mark>"), std::string::npos);
  EXPECT_NE(hant.body.find("<mark>劉曉波</mark>被監禁案"), std::string::npos) << "his case";
  auto hans = search("zh-hans", "劉曉波");
  EXPECT_NE(hans.body.find("<mark>刘晓波</mark>"), std::string::npos);
  auto en = search("en", "\"Liú Xiǎobō\"");
  EXPECT_NE(en.body.find("<mark>Liu Xiaobo</mark>"), std::string::npos);
  // An English reader searching in Chinese sees the Chinese text that matched, marked as such.
  auto en_zh = search("en", "刘晓波");
  EXPECT_NE(en_zh.body.find("<span class=\"other\"><mark>刘晓波</mark></span>"), std::string::npos);
  EXPECT_NE(en_zh.body.find("lang=\"zh-Hans\"><mark>刘晓波</mark>被监禁案"), std::string::npos);
}

TEST_F(SearchPageTest, FacetsNarrowTheResultsAndLinkToTheirChoices) {
  auto all = search("en", "刘晓波");
  ASSERT_EQ(all.status, 200);
  EXPECT_NE(all.body.find("/en/cases/" + std::string(kLiuCase)), std::string::npos);
  EXPECT_NE(all.body.find("/en/persons/" + std::string(kLiu)), std::string::npos);
  // Each choice links to the same search with it, back on page 1.
  EXPECT_NE(all.body.find("href=\"/en/search?q=%E5%88%98%E6%99%93%E6%B3%A2&amp;kind=case\""),
            std::string::npos);
  EXPECT_NE(all.body.find(">Serving a sentence</a> <small>2</small>"), std::string::npos)
      << "a person and a case: one status facet";

  auto cases = search("en", "刘晓波", "&kind=case");
  ASSERT_EQ(cases.status, 200);
  EXPECT_NE(cases.body.find("/en/cases/" + std::string(kLiuCase)), std::string::npos);
  EXPECT_EQ(cases.body.find("/en/persons/" + std::string(kLiu)), std::string::npos);
  EXPECT_NE(cases.body.find("Results: 1"), std::string::npos);
  // The chosen facet keeps its other choices, and the form keeps the filter for a new query.
  EXPECT_NE(cases.body.find("kind=case\" aria-current=\"true\">Case</a>"), std::string::npos);
  EXPECT_NE(cases.body.find(">Person</a> <small>1</small>"), std::string::npos);
  EXPECT_NE(cases.body.find("<input type=\"hidden\" name=\"kind\" value=\"case\">"),
            std::string::npos);

  // A facility's kind (events, organizations and sources have types too).
  auto prisons = search("en", "kind:facility", "&type=prison");
  ASSERT_EQ(prisons.status, 200);
  EXPECT_NE(prisons.body.find("Yanqing Prison"), std::string::npos);
  EXPECT_NE(prisons.body.find("Results: 1"), std::string::npos);
  EXPECT_NE(search("en", "year:1900-2100", "&type=other").body.find("Results: 0"),
            std::string::npos)
      << "type=other is a facility kind here, not an event's or organization's";

  // Years from the URL and from the query both hold.
  auto all_events = search("en", "kind:event");
  auto in_2010 = search("en", "kind:event", "&from=2010&to=2010");
  auto query_2010 = search("en", "kind:event year:2010");
  ASSERT_EQ(in_2010.status, 200);
  EXPECT_NE(in_2010.body.find("value=\"2010\""), std::string::npos);
  auto total = [](const std::string& body) {
    std::smatch m;
    std::regex_search(body, m, std::regex("Results: ([0-9]+)"));
    return m.empty() ? -1 : std::stoi(m[1]);
  };
  EXPECT_GT(total(in_2010.body), 0);
  EXPECT_LT(total(in_2010.body), total(all_events.body));
  EXPECT_EQ(total(in_2010.body), total(query_2010.body));
  EXPECT_EQ(total(search("en", "kind:event year:2010", "&from=2011").body), 0);
}

TEST_F(SearchPageTest, PagesThroughManyResults) {
  auto first = search("en", "kind:event");
  ASSERT_EQ(first.status, 200);
  EXPECT_NE(first.body.find("Results: 44"), std::string::npos);
  EXPECT_EQ(count_of(first.body, "<li><span class=\"kind\">"), "20");
  EXPECT_NE(first.body.find("rel=\"next\" href=\"/en/search?q=kind%3Aevent&amp;page=2\""),
            std::string::npos);
  auto second = search("en", "kind:event", "&page=2");
  EXPECT_EQ(count_of(second.body, "<li><span class=\"kind\">"), "20");
  EXPECT_NE(second.body.find("<ol class=\"hits\" start=\"21\">"), std::string::npos);
  EXPECT_EQ(search("en", "kind:event", "&page=9").status, 200) << "past the end: no results";
}

TEST_F(SearchPageTest, BeyondTheCountedMatchesTheTotalIsALowerBoundAndPagingGoesOn) {
  open_readers({.ranked = 2, .counted = 25});
  auto first = search("en", "kind:event");  // filters alone: always counted in full
  EXPECT_NE(first.body.find("Results: 44"), std::string::npos);
  auto page = search("en", "的");
  ASSERT_EQ(page.status, 200);
  // 25 counted, and the name and title matches ranked beyond them: fewer than all 58.
  std::string total = page.body.substr(page.body.find("<p class=\"total\">"), 120);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      total, m,
      std::regex(
          R"(Results: at least (\d+) \(the numbers beside the filters count the first \1\))")))
      << total;
  EXPECT_GE(std::stoi(m[1]), 25);
  EXPECT_LT(std::stoi(m[1]), 58);
  EXPECT_NE(page.body.find("rel=\"next\""), std::string::npos);
  auto json = api("q=" + percent_encode("的") + "&page=2");
  EXPECT_EQ(json["meta"]["total_is_exact"], false);
  EXPECT_GE(json["meta"]["total"], 40);  // the page needs 40: counted that far
  EXPECT_LT(json["meta"]["total"], 58);
  EXPECT_TRUE(json["meta"].contains("next"));
}

TEST_F(SearchPageTest, AMalformedQueryIsA400ThatShowsTheFormAndWhatIsWrong) {
  const std::pair<std::string, std::string> bad[] = {
      {"\"unclosed", "is not closed"},
      {"-only", "add a word to search for"},
      {"foo:bar", "unknown field &quot;foo:&quot;"},
      {"year:abc", "year:abc is not a year"},
      {"year:2012-2008", "ends before it starts"},
      {"province:atlantis", "no province called"},
      {"name:", "needs a value"},
      {std::string(2000, 'a'), "the search is too long"},
      {"<script>alert(1)</script> -x \"", "is not closed"},
  };
  for (const auto& [q, message] : bad) {
    for (const char* lang : {"zh-hans", "zh-hant", "en"}) {
      SCOPED_TRACE(std::string(lang) + " " + q.substr(0, 40));
      auto page = search(lang, q);
      EXPECT_EQ(page.status, 400);
      EXPECT_NE(page.body.find(message), std::string::npos);
      EXPECT_NE(page.body.find("<input id=\"q\" type=\"search\" name=\"q\""), std::string::npos);
      EXPECT_EQ(page.body.find("<script>"), std::string::npos);
      std::smatch m;
      EXPECT_FALSE(std::regex_search(page.body, m, kUntranslated)) << m.str();
      if (lang != std::string("en")) {
        EXPECT_NE(page.body.find("<span lang=\"en\">"), std::string::npos)
            << "the engine's message is English";
      }
    }
  }
  // Parameters a page never links to.
  for (const char* more :
       {"&page=0", "&page=x", "&from=abc", "&to=10000", "&kind=bogus", "&status=bogus", "&type=ngo",
        "&topic=t0000000c01", "&topic=pzzzzzzzzzz"}) {
    SCOPED_TRACE(more);
    auto page = search("en", "刘晓波", more);
    EXPECT_EQ(page.status, 400);
    EXPECT_NE(page.body.find("class=\"problem\""), std::string::npos);
  }
  // Odd input that is not an error.
  for (const char* q :
       {"\xff\xfe", "   ", "\"\"", "---", "刘晓波 \xe5\x88", "a:b//", "http://x.org"}) {
    SCOPED_TRACE(q);
    auto page = search("en", q);
    EXPECT_TRUE(page.status == 200 || page.status == 400) << page.status;
  }
}

TEST_F(SearchPageTest, AnEmptyQueryShowsHowToSearch) {
  for (const char* target :
       {"/en/search", "/en/search?q=", "/en/search?q=++", "/en/search?kind=case"}) {
    SCOPED_TRACE(target);
    auto page = get(target);
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("How to search"), std::string::npos);
    EXPECT_NE(page.body.find("<code>year:2008 year:2008-2012</code>"), std::string::npos);
    EXPECT_EQ(page.body.find("class=\"hits\""), std::string::npos);
  }
  auto hant = get("/zh-hant/search");
  EXPECT_NE(hant.body.find("<h1>搜尋</h1>"), std::string::npos) << "Taiwan wording";
  std::smatch m;
  EXPECT_FALSE(std::regex_search(hant.body, m, kUntranslated)) << m.str();
  auto hans = get("/zh-hans/search");
  EXPECT_FALSE(std::regex_search(hans.body, m, kUntranslated)) << m.str();
}

TEST_F(SearchPageTest, EveryPageHasASearchBoxInItsHeader) {
  for (const char* target : {"/en/", "/zh-hans/persons/", "/zh-hant/persons/p44sj9v9201",
                             "/en/about", "/en/no-such-page"}) {
    SCOPED_TRACE(target);
    auto page = get(target);
    std::string lang(target + 1, std::string_view(target + 1).find('/'));
    EXPECT_NE(page.body.find("<form class=\"search\" method=\"get\" action=\"/" + lang +
                             "/search\" role=\"search\">"),
              std::string::npos);
    EXPECT_NE(page.body.find("<label class=\"vh\" for=\"site-q\">"), std::string::npos);
  }
}

TEST_F(SearchPageTest, NothingHiddenIsEverFound) {
  for (const char* word : {"Zebraconfidential", "机密人甲", "Quokkarestricted", "Tapirtopic",
                           "机密专题", "Wombathealth", "袋熊健康", "Narwhalalias", "Axolotlsummary",
                           "Okapisummary", "鸭嘴兽案情", "Marimbanote"}) {
    for (const char* lang : {"zh-hans", "zh-hant", "en"}) {
      SCOPED_TRACE(std::string(lang) + " " + word);
      auto page = search(lang, word);
      ASSERT_EQ(page.status, 200);
      EXPECT_EQ(page.body.find("class=\"hits\""), std::string::npos) << "a result";
      EXPECT_EQ(page.body.find("p0000000"), std::string::npos);
      EXPECT_EQ(page.body.find("c0000000"), std::string::npos);
    }
    auto json = api("q=" + percent_encode(word));
    EXPECT_EQ(json["meta"]["total"], 0) << word;
  }
  // The public parts of the same records are found (so the above means something), and
  // show nothing hidden.
  auto b = search("en", "Public Person B");
  EXPECT_NE(b.body.find("/en/persons/p0000000h01"), std::string::npos);
  EXPECT_EQ(b.body.find("Wombat"), std::string::npos);
  EXPECT_EQ(b.body.find("Axolotl"), std::string::npos);
  // A hidden province selects nothing, neither in the query nor as a facet.
  EXPECT_EQ(search("en", "Public Person B province:tibet").body.find("p0000000h01"),
            std::string::npos);
  EXPECT_EQ(search("en", "Public Person B", "&province=tibet").body.find("p0000000h01"),
            std::string::npos);
  // A confidential topic is neither a choice nor a filter.
  auto d = search("en", "Public case D");
  EXPECT_NE(d.body.find("/en/cases/c0000000p01"), std::string::npos);
  EXPECT_EQ(d.body.find("t0000000c01"), std::string::npos);
  EXPECT_EQ(d.body.find("Tapirtopic"), std::string::npos);
  auto json = api("q=" + percent_encode("Public case D"));
  EXPECT_EQ(json.dump().find("t0000000c01"), std::string::npos);
}

// A link's note shows only while its target is public, which can change without the record
// holding the link being written again: notes are never indexed.
TEST_F(SearchPageTest, ANoteOnALinkToAHiddenRecordIsNotFound) {
  EXPECT_EQ(api("q=Xylophonenote")["meta"]["total"], 0);
  EXPECT_EQ(search("en", "Xylophonenote").body.find("p0000000k01"), std::string::npos);
}

TEST_F(SearchPageTest, TheApiAnswersJsonWithTitlesSnippetsLinksAndFacets) {
  auto json = api("q=" + percent_encode("刘晓波") + "&lang=zh-hant");
  ASSERT_TRUE(json.is_object());
  ASSERT_TRUE(json["data"].is_array());
  ASSERT_GE(json["data"].size(), 2u);
  const auto& first = json["data"][0];
  EXPECT_EQ(first["id"], kLiu);
  EXPECT_EQ(first["kind"], "person");
  EXPECT_EQ(first["title"], "劉曉波");
  EXPECT_EQ(first["titles"]["zh-Hans"], "刘晓波");
  EXPECT_EQ(first["titles"]["zh-Hant"], "劉曉波");
  EXPECT_EQ(first["titles"]["en"], "Liu Xiaobo");
  EXPECT_EQ(first["href"], "/zh-hant/persons/" + std::string(kLiu));
  ASSERT_TRUE(first["snippet"].is_array());
  for (const auto& part : first["snippet"]) {
    EXPECT_TRUE(part["text"].is_string());
    EXPECT_TRUE(part["hit"].is_boolean());
  }
  const auto& second = json["data"][1];
  EXPECT_EQ(second["id"], kLiuCase);
  bool marked = false;
  for (const auto& part : second["snippet"]) marked |= part["hit"] == true;
  EXPECT_TRUE(marked) << second.dump();
  EXPECT_EQ(json["meta"]["total"], 4);  // and the two occasions whose notes name him
  EXPECT_EQ(json["meta"]["page"], 1);
  EXPECT_EQ(json["meta"]["per_page"], 20);
  bool kind_facet = false;
  for (const auto& f : json["meta"]["facets"])
    kind_facet |= f["name"] == "kind" && f["value"] == "case" && f["count"] == 1;
  EXPECT_TRUE(kind_facet) << json["meta"]["facets"].dump();

  // English by default; paging as in the read API.
  auto paged = api("q=kind%3Aevent&per_page=10&page=2");
  EXPECT_EQ(paged["data"].size(), 10u);
  EXPECT_EQ(paged["meta"]["total"], 44);
  EXPECT_EQ(paged["meta"]["prev"], "/api/v1/search?per_page=10&q=kind%3Aevent");
  EXPECT_EQ(paged["meta"]["next"], "/api/v1/search?per_page=10&q=kind%3Aevent&page=3");
  EXPECT_EQ(api("q=kind%3Aevent&per_page=10&page=5")["meta"].count("next"), 0u);
  auto filtered = api("q=" + percent_encode("刘晓波") + "&kind=case");
  ASSERT_EQ(filtered["data"].size(), 1u);
  EXPECT_EQ(filtered["data"][0]["href"], "/en/cases/" + std::string(kLiuCase));

  // Errors: {"error": {"status": 400, "message": ...}}.
  for (const char* query : {"q=%22unclosed", "q=-only", "q=foo%3Abar", "q=year%3Aabc", "",
                            "q=liu&lang=fr", "q=liu&per_page=0", "q=liu&per_page=101",
                            "q=liu&page=0", "q=liu&kind=bogus", "q=liu&from=x"}) {
    SCOPED_TRACE(query);
    auto e = api(query, 400);
    EXPECT_EQ(e["error"]["status"], 400);
    EXPECT_FALSE(e["error"]["message"].get<std::string>().empty());
  }
  EXPECT_NE(api("q=%22unclosed", 400)["error"]["message"].get<std::string>().find("not closed"),
            std::string::npos);
  // Bytes that are not UTF-8 come back replaced, never as a failure.
  auto odd = get("/api/v1/search?q=liu&x=%ff&page=1&per_page=1");
  EXPECT_EQ(odd.status, 200);
}

TEST_F(SearchPageTest, ResultsAreCachedByQueryAndRenewedAfterAWrite) {
  auto a = search("en", "Hu Jia");
  auto b = search("en", "Liu Xiaobo");
  EXPECT_NE(a.body, b.body);
  EXPECT_EQ(search("en", "Hu Jia").body, a.body) << "served from the cache";
  EXPECT_EQ(search("en", "Liu Xiaobo").body, b.body);
  EXPECT_EQ(search("en", "Pangolinword").body.find("class=\"hits\""), std::string::npos);
  {
    auto writer = store::open_sqlite(*db_);
    ASSERT_TRUE(writer);
    auto r = (*writer)->get("p0000000k01");
    ASSERT_TRUE(r);
    std::get<Person>(r->body).summary.en = "Now with a Pangolinword";
    ASSERT_TRUE((*writer)->put(*r, {"test", "a new word"}));
  }
  auto after = search("en", "Pangolinword");
  EXPECT_NE(after.body.find("/en/persons/p0000000k01"), std::string::npos);
  EXPECT_NE(after.body.find("<mark>Pangolinword</mark>"), std::string::npos);
}

}  // namespace
}  // namespace jz::web
