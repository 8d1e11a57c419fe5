// A record that many others point at (a source every imported record cites) lists at most
// kMostReferring of each kind and says so; a record whose link to it is confidential neither
// shows up nor counts towards "more".
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

// s0000000001 is cited by kMostReferring + 1 persons; s0000000002 by kMostReferring, and by one
// more whose citation is confidential.
std::string hub_records() {
  std::string out =
      R"({"id":"s0000000001","kind":"source","body":{"type":"report","title":{"en":"Cited by many"}}})"
      "\n"
      R"({"id":"s0000000002","kind":"source","body":{"type":"report","title":{"en":"Cited by as many as are listed"}}})"
      "\n";
  auto person = [&](std::size_t n, const char* source, const char* confidential) {
    out += R"({"id":")" + person_id(n) + R"(","kind":"person",)" + confidential +
           R"("sources":[{"source":")" + source + R"("}],"body":{"name":{"en":"Cited )" +
           std::to_string(n) + R"("},"status":"detained"}})" + "\n";
  };
  for (std::size_t n = 0; n <= kMostReferring; ++n) person(n, "s0000000001", "");
  for (std::size_t n = 1000; n < 1000 + kMostReferring; ++n) person(n, "s0000000002", "");
  person(2000, "s0000000002", R"("confidential":["/sources/0"],)");
  return out;
}

class ReferringLists : public DemoSiteTest {
 protected:
  static void SetUpTestSuite() { make_database("jz-referring-", hub_records().c_str()); }
  static void TearDownTestSuite() { remove_database(); }

  static std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  }
};

TEST_F(ReferringLists, AManyTimesCitedSourceListsTheFirstOfEachKindAndSaysSo) {
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

TEST_F(ReferringLists, AConfidentialCitationNeitherShowsNorCountsAsMore) {
  auto page = get("/en/sources/s0000000002");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(count(page.body, "href=\"/en/persons/p"), kMostReferring);
  EXPECT_EQ(page.body.find(person_id(2000)), std::string::npos);
  EXPECT_EQ(page.body.find("Only the first"), std::string::npos)
      << "a hidden citation must not reveal itself as \"more\"";
}

}  // namespace
}  // namespace jz::web
