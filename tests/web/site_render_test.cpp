// The site rendered in-process over the demo data: every public record's page in every
// language, lists, errors, redaction and cache invalidation. (tests/integration/site.sh
// does the same over HTTP against the real binary.)
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <regex>

#include "core/record_json.hpp"
#include "demo_site.hpp"

namespace jz::web {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCanaries = R"(
{"id":"p0000000c01","kind":"person","visibility":"confidential","body":{"name":{"zh":"机密人甲","en":"CANARY-CONFIDENTIAL-NAME"},"status":"detained"}}
{"id":"p0000000h01","kind":"person","confidential":["/body/health","/body/province"],"body":{"name":{"zh":"公开人乙","en":"Public Person"},"health":{"en":"CANARY-HEALTH"},"province":"tibet","status":"detained"}}
{"id":"c0000000c01","kind":"case","body":{"title":{"en":"A public case"},"persons":["p0000000c01","p0000000h01"],"featured":true,"status":"pre_trial"}}
)";

class SiteTest : public DemoSiteTest {
 protected:
  static void SetUpTestSuite() { make_database("jz-web-", kCanaries); }
  static void TearDownTestSuite() { remove_database(); }

  static std::vector<Record> demo_records() {
    std::vector<Record> out;
    std::ifstream in(JZ_DEMO_FILE);
    for (std::string line; std::getline(in, line);)
      if (auto r = parse_record(line)) out.push_back(std::move(*r));
    return out;
  }
};

// A message key shown instead of its text means a string is missing from the catalogue.
const std::regex kUntranslated(
    R"(>[^<]*\b(ui|kinds|kind|person_status|case_status|province|event_type|facility_type|link_type|reliability|source_type|organization_type|person_group|charge_law|sentence_type|gender|alias_system|event_flag|clock_state|clock_reason|clock)\.[A-Za-z_0-9]+)");

TEST_F(SiteTest, EveryPublicRecordHasAPageInEveryLanguage) {
  int pages = 0;
  for (const auto& r : demo_records()) {
    std::string_view section = section_of(r.kind());
    if (section.empty()) continue;  // events appear on their case's page
    for (const char* lang : {"zh-hans", "zh-hant", "en"}) {
      std::string url = "/" + std::string(lang) + "/" + std::string(section) + "/" + r.id;
      SCOPED_TRACE(url);
      auto page = get(url);
      ASSERT_EQ(page.status, 200);
      ++pages;
      const std::string html_lang = lang == std::string("en")        ? "en"
                                    : lang == std::string("zh-hans") ? "zh-Hans"
                                                                     : "zh-Hant";
      EXPECT_NE(page.body.find("<html lang=\"" + html_lang + "\">"), std::string::npos);
      for (const char* alt :
           {"hreflang=\"zh-Hans\" href=\"/zh-hans/", "hreflang=\"zh-Hant\" href=\"/zh-hant/",
            "hreflang=\"en\" href=\"/en/", "hreflang=\"x-default\""})
        EXPECT_NE(page.body.find(alt), std::string::npos) << alt;
      EXPECT_EQ(page.body.find("{{"), std::string::npos);
      std::smatch m;
      EXPECT_FALSE(std::regex_search(page.body, m, kUntranslated)) << m.str();
      EXPECT_EQ(page.body.find("<script"), std::string::npos);
    }
  }
  EXPECT_GT(pages, 150);
}

TEST_F(SiteTest, AProfileShowsNamesInEveryScriptStatusCasesAndSources) {
  auto hans = get("/zh-hans/persons/p44sj9v9201");
  auto hant = get("/zh-hant/persons/p44sj9v9201");
  auto en = get("/en/persons/p44sj9v9201");
  for (const auto* page : {&hans, &hant, &en}) {
    EXPECT_NE(page->body.find("刘晓波"), std::string::npos);
    EXPECT_NE(page->body.find("劉曉波"), std::string::npos);
    EXPECT_NE(page->body.find("Liu Xiaobo"), std::string::npos);
    EXPECT_NE(page->body.find("/cases/cnvch8d2sae"), std::string::npos) << "his case";
    EXPECT_NE(page->body.find("/sources/scmbqwh3tzk"), std::string::npos) << "a source";
  }
  EXPECT_NE(hans.body.find("服刑中"), std::string::npos);
  EXPECT_NE(hant.body.find("服刑中"), std::string::npos);
  EXPECT_NE(en.body.find("Serving"), std::string::npos);
  EXPECT_NE(hant.body.find("<h1><span>劉曉波</span></h1>"), std::string::npos);
  EXPECT_NE(en.body.find("2011"), std::string::npos) << "the status's verification date";
}

TEST_F(SiteTest, ListsFilterByFacetAndSayWhatIsWrongWithAFilter) {
  auto detained = get("/en/persons/?status=detained");
  ASSERT_EQ(detained.status, 200);
  EXPECT_NE(detained.body.find("Hu Jia"), std::string::npos);
  EXPECT_EQ(detained.body.find("Liu Xiaobo"), std::string::npos) << "he is serving a sentence";
  auto bad = get("/en/persons/?status=bogus");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("status=bogus"), std::string::npos);
  EXPECT_EQ(get("/en/persons/?page=0").status, 400);
  EXPECT_EQ(get("/en/persons/?page=99").status, 200) << "past the end: an empty page";
}

TEST_F(SiteTest, NothingHiddenReachesAPageOrTheApi) {
  EXPECT_EQ(get("/en/persons/p0000000c01").status, 404);
  EXPECT_EQ(get("/api/v1/persons/p0000000c01").status, 404);
  for (const char* url :
       {"/en/", "/zh-hans/", "/en/persons/", "/en/persons/p0000000h01", "/en/cases/c0000000c01",
        "/api/v1/persons/p0000000h01", "/api/v1/persons?per_page=200", "/api/v1/cases"}) {
    auto page = get(url);
    SCOPED_TRACE(url);
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.body.find("CANARY"), std::string::npos);
    EXPECT_EQ(page.body.find("机密人甲"), std::string::npos);
  }
  // Filtering by a hidden province must not find the person whose province it is.
  EXPECT_EQ(get("/en/persons/?province=tibet").body.find("Public Person"), std::string::npos);
  EXPECT_NE(get("/en/persons/?status=detained").body.find("Public Person"), std::string::npos);
}

TEST_F(SiteTest, TheRootChoosesALanguageAndErrorsSpeakTheReadersLanguage) {
  auto root = get("/", "zh-TW,zh;q=0.9,en;q=0.5");
  EXPECT_EQ(root.status, 302);
  bool found = false;
  for (const auto& [k, v] : root.headers) found |= k == "Location" && v == "/zh-hant/";
  EXPECT_TRUE(found);
  auto missing = get("/en/persons/pzzzzzzzzzz");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("<html lang=\"en\">"), std::string::npos);
  auto missing_zh = get("/zh-hans/nothing-here");
  EXPECT_EQ(missing_zh.status, 404);
  EXPECT_NE(missing_zh.body.find("找不到"), std::string::npos);
  EXPECT_EQ(get("/en/cases/p44sj9v9201").status, 404) << "a person's id is not a case";
  EXPECT_EQ(get("/fr/").status, 404);
  auto slash = get("/en/persons?status=detained");
  EXPECT_EQ(slash.status, 301);
}

TEST_F(SiteTest, APageChangesOnTheNextRequestAfterAWrite) {
  auto before = get("/en/persons/pb4gtmmrrw9");
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(get("/en/persons/pb4gtmmrrw9").body, before.body) << "served from the cache";
  {
    auto writer = store::open_sqlite(*db_);
    ASSERT_TRUE(writer);
    auto r = (*writer)->get("pb4gtmmrrw9");
    ASSERT_TRUE(r);
    std::get<Person>(r->body).name.en = "Tang Fuzhen (corrected)";
    ASSERT_TRUE((*writer)->put(*r, {"test", "a correction"}));
  }
  auto after = get("/en/persons/pb4gtmmrrw9");
  EXPECT_NE(after.body.find("Tang Fuzhen (corrected)"), std::string::npos);
}

}  // namespace
}  // namespace jz::web
