// The legal clock on the site: the case page's clocks in every language with the article
// quoted, the public list of violations, and what a hidden event or bad dates do there.
#include <gtest/gtest.h>

#include "demo_site.hpp"
#include "monitor/time_limit.hpp"

namespace jz::web {
namespace {

std::string shanghai_day(int days_from_today) {
  auto now = monitor::shanghai_minutes(std::chrono::system_clock::now());
  return monitor::iso_day(monitor::day_of(now) + std::chrono::days(days_from_today));
}

// A case whose family was told four days after the detention, with a hidden event that
// must neither show nor count; a case with its steps out of order; a detention yesterday.
std::string extra() {
  return R"({"id":"c00000000f1","kind":"case","body":{"title":{"zh":"通知家属案","en":"Late notice case"}}}
{"id":"e00000000f1","kind":"event","body":{"type":"criminal_detention","date":"2020-03-01","case":"c00000000f1"}}
{"id":"e00000000f2","kind":"event","body":{"type":"family_notified","date":"2020-03-05","case":"c00000000f1"}}
{"id":"e00000000f3","kind":"event","visibility":"restricted","body":{"type":"release","date":"2020-03-02","case":"c00000000f1","title":{"en":"HIDDEN-RELEASE"}}}
{"id":"c00000000f2","kind":"case","body":{"title":{"en":"Out of order case"}}}
{"id":"e00000000f4","kind":"event","body":{"type":"trial","date":"2019-05-01","case":"c00000000f2"}}
{"id":"e00000000f5","kind":"event","body":{"type":"indicted","date":"2019-06-01","case":"c00000000f2"}}
{"id":"c00000000f3","kind":"case","body":{"title":{"en":"Detained yesterday"}}}
{"id":"e00000000f6","kind":"event","body":{"type":"criminal_detention","date":")" +
         shanghai_day(-1) + R"(","case":"c00000000f3"}}
)";
}

class LegalClockPageTest : public DemoSiteTest {
 protected:
  static void SetUpTestSuite() { make_database("jz-clock-", extra().c_str()); }
  static void TearDownTestSuite() { remove_database(); }
};

TEST_F(LegalClockPageTest, LiuXiaobosCaseShowsTheSixMonthLimitExceededWithTheArticle) {
  auto en = get("/en/cases/cnvch8d2sae");
  ASSERT_EQ(en.status, 200);
  EXPECT_NE(en.body.find("id=\"legal-clock\""), std::string::npos);
  EXPECT_NE(en.body.find("<li class=\"clock violated\"><strong class=\"state\">Violated</strong> "
                         "<span>Residential surveillance"),
            std::string::npos);
  EXPECT_NE(en.body.find("<b>15 days over the limit</b>"), std::string::npos);
  EXPECT_NE(en.body.find("Criminal Procedure Law (1996 text), art. 58"), std::string::npos);
  EXPECT_NE(en.body.find("8 June 2009"), std::string::npos) << "the last day";
  // The article in English, and as enacted.
  EXPECT_NE(en.body.find("six months"), std::string::npos);
  EXPECT_NE(en.body.find("<blockquote lang=\"zh-Hans\">"), std::string::npos);
  EXPECT_NE(en.body.find("article text from a secondary source"), std::string::npos);

  auto hans = get("/zh-hans/cases/cnvch8d2sae");
  EXPECT_NE(hans.body.find("超期15日"), std::string::npos);
  EXPECT_NE(hans.body.find("刑事诉讼法（1996年文本） 第58条"), std::string::npos);
  EXPECT_NE(hans.body.find("监视居住最长不得超过六个月"), std::string::npos);
  auto hant = get("/zh-hant/cases/cnvch8d2sae");
  EXPECT_NE(hant.body.find("監視居住最長不得超過六個月"), std::string::npos);
  EXPECT_NE(hant.body.find("違反"), std::string::npos);
}

TEST_F(LegalClockPageTest, TheViolationsListHasEveryCaseAndOnlyPublicEvents) {
  auto page = get("/en/violations");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("href=\"/en/cases/cnvch8d2sae#legal-clock\""), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/en/cases/c00000000f1#legal-clock\""), std::string::npos);
  // Nothing of the hidden release shows.
  EXPECT_NE(page.body.find("24 hours from criminal detention to notice to the family"),
            std::string::npos);
  EXPECT_EQ(page.body.find("HIDDEN-RELEASE"), std::string::npos);
  EXPECT_EQ(page.body.find("e00000000f3"), std::string::npos);
  auto c = get("/en/cases/c00000000f1");
  EXPECT_EQ(c.body.find("e00000000f3"), std::string::npos);
  // From the public events alone, the duty to request arrest would look violated for years;
  // the hidden release ended it in time. A clock the whole record contradicts is left out,
  // not shown wrong (nor explained, which would reveal the release).
  EXPECT_NE(c.body.find("<li class=\"clock violated\">"), std::string::npos);
  EXPECT_EQ(c.body.find("request for arrest approval"), std::string::npos);
  EXPECT_NE(get("/zh-hans/violations").body.find("程序违法"), std::string::npos);
}

TEST_F(LegalClockPageTest, StepsOutOfOrderSayWhatToCheckAndThePageStillShows) {
  auto page = get("/en/cases/c00000000f2");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("The legal clock cannot be computed for this case: event e00000000f4 "
                           "(trial, 2019-05-01) is dated before e00000000f5 (indicted, "
                           "2019-06-01)"),
            std::string::npos);
}

TEST_F(LegalClockPageTest, ARunningClockCountsTheDaysLeftToday) {
  auto page = get("/en/cases/c00000000f3");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<li class=\"clock running\"><strong class=\"state\">Running</strong>"),
            std::string::npos);
  EXPECT_NE(page.body.find("<b>2 days left</b>"), std::string::npos);  // 3 days, 1 gone
}

}  // namespace
}  // namespace jz::web
