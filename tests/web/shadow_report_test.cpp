// The draft shadow report of a review: what goes under which article of the treaty
// (data/treaty-articles.json), only earlier recommendations not carried out, only public
// records, both languages, and the same content as a PDF.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "demo_site.hpp"
#include "page_checks.hpp"
#include "web/shadow_report.hpp"

namespace jz::web {
namespace {

// On top of the demo (CAT reviews of 2000 and 2008, the 2000 recommendation on
// administrative detention): a case whose family was told four days late (CAT art. 1-2
// safeguards), a public and a hidden torture report, a black jail, and recommendations of
// the 2000 review that are carried out, or hidden, and one of a later review.
const char* kExtra =
    R"({"id":"c00000000s1","kind":"case","body":{"title":{"zh":"迟延通知案","en":"Late notice case"}}}
{"id":"e00000000s1","kind":"event","body":{"type":"criminal_detention","date":"2020-03-01","case":"c00000000s1"}}
{"id":"e00000000s2","kind":"event","body":{"type":"family_notified","date":"2020-03-05","case":"c00000000s1"}}
{"id":"e00000000s3","kind":"event","body":{"type":"torture_reported","date":"2020-03-03","case":"c00000000s1","title":{"en":"Beaten during interrogation","zh":"审讯中遭殴打"}}}
{"id":"e00000000s4","kind":"event","visibility":"restricted","body":{"type":"torture_reported","date":"2020-03-04","title":{"en":"HIDDEN-TORTURE"}}}
{"id":"f00000000s1","kind":"facility","body":{"type":"black_jail","name":{"zh":"某黑监狱","en":"A black jail"}}}
{"id":"r00000000s1","kind":"recommendation","body":{"review":"vbs3frz41hx","text":{"en":"DONE-REC"},"themes":["detention"],"response":"none","assessments":[{"date":"2014","status":"implemented"}]}}
{"id":"r00000000s2","kind":"recommendation","visibility":"restricted","body":{"review":"vbs3frz41hx","text":{"en":"HIDDEN-REC"},"themes":["detention"]}}
{"id":"r00000000s3","kind":"recommendation","body":{"review":"vsn1arz7tzd","text":{"en":"SAME-REVIEW-REC"},"themes":["detention"]}}
{"id":"v00000000s0","kind":"review","body":{"body":"cescr","treaty":"yz76q8dc8y8","title":{"en":"CESCR review of China, 2005"},"date":"2005-05"}}
{"id":"v00000000s1","kind":"review","body":{"body":"cescr","treaty":"yz76q8dc8y8","title":{"en":"CESCR review of China, 2014","zh":"经济、社会及文化权利委员会审议中国（2014年）"},"date":"2014-05"}}
{"id":"r00000000s4","kind":"recommendation","body":{"review":"v00000000s0","text":{"en":"End forced evictions without due process.","zh":"停止未经正当程序的强制拆迁。"},"themes":["right_to_housing"],"response":"none","assessments":[{"date":"2010","status":"not_implemented"}]}}
{"id":"e00000000s5","kind":"event","body":{"type":"forced_eviction","date":"2010-06","title":{"en":"Homes demolished","zh":"房屋被强拆"}}}
)";

class ShadowReportTest : public DemoSiteTest {
 protected:
  static void SetUpTestSuite() { make_database("jz-shadow-", kExtra); }
  static void TearDownTestSuite() { remove_database(); }
};

TEST(TreatyArticles, TheBuiltInMappingCoversTheCoreTreaties) {
  const auto& all = treaty_articles();
  for (const char* code : {"CAT", "ICESCR", "CEDAW", "CRC", "CERD"}) EXPECT_TRUE(all.count(code));
  const auto& cat = all.at("CAT");
  ASSERT_FALSE(cat.empty());
  EXPECT_EQ(cat.front().article, "1-2");
  EXPECT_FALSE(cat.front().title.zh.empty());
}

TEST(TreatyArticles, BadMappingsAreRefusedNamingThePath) {
  EXPECT_EQ(parse_treaty_articles("[]").status().message(),
            "/treaties: expected an object of treaty codes");
  EXPECT_EQ(parse_treaty_articles(R"({"treaties":{"CAT":[{"title":{"en":"x","zh":"x"}}]}})")
                .status()
                .message(),
            "/treaties/CAT/0/article: required, a string such as \"11\"");
  EXPECT_EQ(
      parse_treaty_articles(
          R"({"treaties":{"CAT":[{"article":"2","title":{"en":"x","zh":"x"},"themes":[1]}]}})")
          .status()
          .message(),
      "/treaties/CAT/0/themes/0: expected a string");
}

// The text of one article's section of the page.
std::string section(const std::string& page, const std::string& article) {
  auto at = page.find("<h2>Article " + article + " ");
  if (at == std::string::npos) return "";
  auto end = page.find("</section>", at);
  return page.substr(at, end - at);
}

TEST_F(ShadowReportTest, PutsEachRecordUnderItsArticle) {
  auto page = get("/en/reviews/vsn1arz7tzd/shadow-report");
  ASSERT_EQ(page.status, 200) << page.body;
  // Both languages in every heading.
  EXPECT_NE(page.body.find("Article 11 第11条: Systematic review of interrogation and custody "
                           "rules / 对审讯和羁押规则的系统审查"),
            std::string::npos);

  std::string art2 = section(page.body, "1-2");
  ASSERT_FALSE(art2.empty());
  EXPECT_NE(art2.find("href=\"/en/cases/c00000000s1#legal-clock\""), std::string::npos)
      << "the late family notice is a custody safeguard";
  EXPECT_NE(art2.find("Beaten during interrogation / 审讯中遭殴打"), std::string::npos);
  EXPECT_NE(art2.find("A black jail / 某黑监狱"), std::string::npos);

  std::string art11 = section(page.body, "11");
  EXPECT_NE(art11.find("href=\"/en/cases/cnvch8d2sae#legal-clock\""), std::string::npos)
      << "Liu Xiaobo's residential surveillance beyond six months";
  EXPECT_NE(art11.find("Eliminate administrative detention"), std::string::npos);
  // Each item with the public sources it rests on.
  EXPECT_NE(art11.find("<ul class=\"cites\"><li><a href=\"/en/sources/"), std::string::npos);
  const char* notice = "24 hours from criminal detention to notice to the family";
  EXPECT_NE(art2.find(notice), std::string::npos);
  EXPECT_EQ(art11.find(notice), std::string::npos) << "a safeguard, not art. 11";

  // Carried out, hidden, or not earlier: left out. Hidden events never show.
  for (const char* absent : {"DONE-REC", "HIDDEN-REC", "SAME-REVIEW-REC", "HIDDEN-TORTURE",
                             "e00000000s4", "r00000000s2"})
    EXPECT_EQ(page.body.find(absent), std::string::npos) << absent;

  // An article with nothing says so.
  EXPECT_NE(section(page.body, "10").find("Nothing in the public record yet."), std::string::npos);
  EXPECT_NE(get("/zh-hans/reviews/vsn1arz7tzd/shadow-report").body.find("影子报告（草稿）"),
            std::string::npos);
}

TEST_F(ShadowReportTest, AReviewOfAMappedTreatyLinksItsDraft) {
  EXPECT_NE(
      get("/en/reviews/vsn1arz7tzd")
          .body.find("<a href=\"/en/reviews/vsn1arz7tzd/shadow-report\">Shadow report (draft)</a>"),
      std::string::npos);
  EXPECT_EQ(get("/en/reviews/vmrd9tyyaxm").body.find("shadow-report"), std::string::npos)
      << "the UPR reviews no treaty";
}

TEST_F(ShadowReportTest, UnknownReviewsAndUnmappedTreatiesAreNotFound) {
  EXPECT_EQ(get("/en/reviews/v0000000000/shadow-report").status, 404);
  EXPECT_EQ(get("/en/reviews/r00000000s1/shadow-report").status, 404) << "not a review";
  // The UPR reviews no treaty.
  EXPECT_EQ(get("/en/reviews/vmrd9tyyaxm/shadow-report").status, 404);
}

TEST_F(ShadowReportTest, ThePdfHoldsTheSameDraft) {
  auto pdf = get("/en/reviews/vsn1arz7tzd/shadow-report.pdf");
  ASSERT_EQ(pdf.status, 200);
  ASSERT_EQ(pdf.body.substr(0, 5), "%PDF-");
  auto again = get("/zh-hans/reviews/vsn1arz7tzd/shadow-report.pdf");
  EXPECT_EQ(again.body.substr(0, 5), "%PDF-");

  auto path = std::filesystem::temp_directory_path() / "jz-shadow-report-test.pdf";
  std::ofstream(path, std::ios::binary) << pdf.body;
  std::string text;
  FILE* p = popen(("pdftotext -enc UTF-8 " + path.string() + " -").c_str(), "r");
  ASSERT_NE(p, nullptr);
  char buf[4096];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) text.append(buf, n);
  ASSERT_EQ(pclose(p), 0);
  std::filesystem::remove(path);
  EXPECT_NE(text.find("影子报告"), std::string::npos);
  EXPECT_NE(text.find("Beaten during interrogation"), std::string::npos);
  EXPECT_NE(text.find("Eliminate administrative detention"), std::string::npos);
  EXPECT_EQ(text.find("HIDDEN"), std::string::npos);
  // The same data gives the same bytes: the PDF is dated from its records, not the clock.
  EXPECT_EQ(get("/en/reviews/vsn1arz7tzd/shadow-report.pdf").body, pdf.body);
}

// The golden file is tests/web/golden/shadow_report_cescr.html: the <main> of a draft for a
// review whose articles hold only dated records (no running clock), so it stays the same
// from day to day. After a change on purpose, regenerate it and read the diff:
//   UPDATE_GOLDEN=1 ctest --test-dir BUILD -R ShadowReportTest.MatchesItsGoldenFile
TEST_F(ShadowReportTest, MatchesItsGoldenFile) {
  auto r = get("/en/reviews/v00000000s1/shadow-report");
  ASSERT_EQ(r.status, 200);
  auto from = r.body.find("<main id=\"main\">");
  auto to = r.body.find("</main>");
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  std::string main = r.body.substr(from, to - from);
  EXPECT_NE(main.find("Homes demolished / 房屋被强拆"), std::string::npos);
  EXPECT_NE(main.find("End forced evictions without due process."), std::string::npos);
  page_checks::expect_matches_golden(main, "shadow_report_cescr.html");
}

}  // namespace
}  // namespace jz::web
