// Pages that would list thousands stay small and say what they left out: a record that many
// others point at (a source every imported record cites, a camp) lists at most
// kMostReferring of each kind, a record whose link to it is confidential neither showing up
// nor counting towards "more"; a camp's timeline keeps its latest events; the priorities
// page lists the highest and gives everyone as CSV.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "demo_site.hpp"
#include "web/record_views.hpp"

namespace jz::web {
namespace {

// "p0000000042"
std::string person_id(std::size_t n) {
  char id[16];
  std::snprintf(id, sizeof id, "p%010zu", n);
  return id;
}

// "e0000000042"
std::string event_id(std::size_t n) {
  char id[16];
  std::snprintf(id, sizeof id, "e%010zu", n);
  return id;
}

// s0000000001 is cited by kMostReferring + 1 persons; s0000000002 by kMostReferring, and by one
// more whose citation is confidential. Facility f0000000001 holds the first kMostReferring of
// the first group by a link of their own, and a hidden person; kMostReferring + 1 events, one
// a year from 1901, name it, the last of them with one more person. f0000000002 holds
// kMostReferring, and one whose link is confidential. All of them are detained.
std::string hub_records() {
  std::string out =
      R"({"id":"s0000000001","kind":"source","body":{"type":"report","title":{"en":"Cited by many"}}})"
      "\n"
      R"({"id":"s0000000002","kind":"source","body":{"type":"report","title":{"en":"Cited by as many as are listed"}}})"
      "\n";
  out +=
      R"({"id":"f0000000001","kind":"facility","body":{"type":"prison","name":{"en":"A camp"}}})"
      "\n"
      R"({"id":"f0000000002","kind":"facility","body":{"type":"prison","name":{"en":"A prison"}}})"
      "\n";
  auto person = [&](std::size_t n, const char* source, const std::string& more) {
    out += R"({"id":")" + person_id(n) + R"(","kind":"person",)" + more +
           R"("sources":[{"source":")" + source + R"("}],"body":{"name":{"en":"Cited )" +
           std::to_string(n) + R"("},"status":"detained"}})" + "\n";
  };
  auto held_in = [](const char* facility) {
    return std::string(R"("links":[{"type":"detained_at","target":")") + facility + R"("}],)";
  };
  for (std::size_t n = 0; n <= kMostReferring; ++n)
    person(n, "s0000000001", n < kMostReferring ? held_in("f0000000001") : "");
  for (std::size_t n = 1000; n < 1000 + kMostReferring; ++n)
    person(n, "s0000000002", held_in("f0000000002"));
  person(2000, "s0000000002",
         R"("confidential":["/sources/0","/links/0"],)" + held_in("f0000000002"));
  person(3000, "s0000000001", R"("visibility":"restricted",)" + held_in("f0000000001"));
  for (std::size_t n = 0; n <= kMostReferring; ++n)
    out += R"({"id":")" + event_id(n) +
           R"(","kind":"event","body":{"type":"health_incident","date":")" +
           std::to_string(1901 + n) + R"(","facility":"f0000000001")" +
           (n == kMostReferring ? R"(,"persons":[")" + person_id(kMostReferring) + R"("])" : "") +
           R"(,"title":{"en":"Event of )" + std::to_string(1901 + n) + R"("}}})" + "\n";
  return out;
}

class LongLists : public DemoSiteTest {
 protected:
  static void SetUpTestSuite() { make_database("jz-long-lists-", hub_records().c_str()); }
  static void TearDownTestSuite() { remove_database(); }

  static std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  }
};

TEST_F(LongLists, AManyTimesCitedSourceListsTheFirstOfEachKindAndSaysSo) {
  auto page = get("/en/sources/s0000000001");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(count(page.body, "href=\"/en/persons/p"), kMostReferring);
  EXPECT_NE(page.body.find(person_id(0)), std::string::npos);
  EXPECT_EQ(page.body.find(person_id(kMostReferring)), std::string::npos) << "in id order";
  EXPECT_NE(page.body.find("Only the first 100 of each kind are listed."), std::string::npos);
  auto zh = get("/zh-hans/sources/s0000000001");
  ASSERT_EQ(zh.status, 200);
  EXPECT_NE(zh.body.find("每类只列出前 100 条。"), std::string::npos);
}

TEST_F(LongLists, AConfidentialCitationNeitherShowsNorCountsAsMore) {
  auto page = get("/en/sources/s0000000002");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(count(page.body, "href=\"/en/persons/p"), kMostReferring);
  EXPECT_EQ(page.body.find(person_id(2000)), std::string::npos);
  EXPECT_EQ(page.body.find("Only the first"), std::string::npos)
      << "a hidden citation must not reveal itself as \"more\"";
}

TEST_F(LongLists, ACampListsTheFirstPeopleHeldAndItsLatestEvents) {
  auto page = get("/en/facilities/f0000000001");
  ASSERT_EQ(page.status, 200);
  // Held by a link of their own (the first 100), or named by an event (the 101st).
  EXPECT_EQ(count(page.body, "href=\"/en/persons/p"), kMostReferring);
  EXPECT_NE(page.body.find(person_id(0)), std::string::npos);
  EXPECT_EQ(page.body.find(person_id(kMostReferring)), std::string::npos) << "in id order";
  EXPECT_EQ(page.body.find(person_id(3000)), std::string::npos) << "a restricted person";
  EXPECT_NE(page.body.find("Only the first 100 are listed."), std::string::npos);
  // The timeline: 1902 to 2001, not 1901.
  EXPECT_EQ(count(page.body, "<li id=\"e"), kMostReferring);
  EXPECT_NE(page.body.find("Event of 2001"), std::string::npos);
  EXPECT_NE(page.body.find("Event of 1902"), std::string::npos);
  EXPECT_EQ(page.body.find("Event of 1901"), std::string::npos);
  EXPECT_NE(page.body.find("Only the latest 100 are listed."), std::string::npos);
  auto zh = get("/zh-hans/facilities/f0000000001");
  ASSERT_EQ(zh.status, 200);
  EXPECT_NE(zh.body.find("只列出前 100 人。"), std::string::npos);
  EXPECT_NE(zh.body.find("只列出最近的 100 条。"), std::string::npos);
}

TEST_F(LongLists, APrisonWithAHiddenLinkListsEveryoneShownWithoutSayingMore) {
  auto page = get("/en/facilities/f0000000002");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(count(page.body, "href=\"/en/persons/p"), kMostReferring);
  EXPECT_EQ(page.body.find(person_id(2000)), std::string::npos);
  EXPECT_EQ(page.body.find("Only the first"), std::string::npos);
  EXPECT_EQ(page.body.find("Only the latest"), std::string::npos) << "it has no events";
}

TEST_F(LongLists, PrioritiesListTheHighestAndGiveEveryoneAsCsv) {
  auto page = get("/en/priorities");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(count(page.body, "href=\"/en/persons/p"), kMostReferring);
  EXPECT_NE(page.body.find("Only the 100 highest are listed here."), std::string::npos);
  // The page says how many the CSV has, and links it above and below the list.
  const std::string says = "The whole ranking, ";
  auto at = page.body.find(says);
  ASSERT_NE(at, std::string::npos);
  const std::size_t detained = std::stoul(page.body.substr(at + says.size()));
  EXPECT_GE(detained, 2 * kMostReferring + 2) << "the suite's, and the demo's";
  const std::string link = "<a href=\"/en/priorities.csv\">" + says + std::to_string(detained) +
                           " persons, as a spreadsheet (CSV)</a>";
  EXPECT_EQ(count(page.body, link), 2u);

  auto csv = get("/en/priorities.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(count(csv.body, "\r\n"), detained + 1) << "a header and a line each";
  EXPECT_NE(csv.body.find(",last_verified,priority\r\n"), std::string::npos) << "no \"chosen\"";
  EXPECT_NE(csv.body.find(person_id(kMostReferring)), std::string::npos);
  EXPECT_EQ(csv.body.find(person_id(3000)), std::string::npos) << "a restricted person";
  // The same order as the page: its first row is the CSV's first line.
  const std::string row = "<li><a href=\"/en/persons/";
  auto first = page.body.find(row, page.body.find("<ol class=\"priorities\">"));
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(csv.body.substr(csv.body.find("\r\n") + 2, 12),
            page.body.substr(first + row.size(), 11) + ",");

  auto zh = get("/zh-hans/priorities");
  ASSERT_EQ(zh.status, 200);
  EXPECT_NE(zh.body.find("此处只列出优先程度最高的 100 人。"), std::string::npos);
  EXPECT_NE(zh.body.find("完整排名，共 " + std::to_string(detained) + " 人（CSV 表格）"),
            std::string::npos);
}

}  // namespace
}  // namespace jz::web
