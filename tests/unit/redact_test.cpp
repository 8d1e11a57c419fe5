#include "core/redact.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/record_json.hpp"

namespace jz {
namespace {

Record parse(const std::string& text) {
  auto r = parse_record(text);
  EXPECT_TRUE(r) << r.status().message();
  return r ? *r : Record{};
}

const std::set<std::string, std::less<>> kHidden = {"p0000000009", "s0000000009", "f0000000009"};
const IsPublic kIsPublic = [](std::string_view id) { return !kHidden.count(id); };

TEST(Redact, NonPublicRecordsHaveNoPublicView) {
  for (const char* v : {"restricted", "confidential"}) {
    auto r = parse(std::string(R"({"kind":"person","visibility":")") + v +
                   R"(","body":{"name":{"en":"CANARY"}}})");
    EXPECT_FALSE(public_view(r, kIsPublic)) << v;
  }
}

TEST(Redact, RemovesConfidentialFieldsAndSaysNothingAboutThem) {
  auto r = parse(
      R"({"kind":"person","confidential":["/body/health","/body/aliases/0","/body/aliases/2","/sources/1"],
    "sources":[{"source":"s0000000001"},{"source":"s0000000002","locator":"CANARY-LOCATOR"}],
    "body":{"name":{"en":"A"},"aliases":[{"name":"CANARY-0","system":"other"},{"name":"kept","system":"pinyin"},{"name":"CANARY-2","system":"other"}],
    "health":{"en":"CANARY-HEALTH"},"status":"detained"}})");
  auto view = public_view(r, kIsPublic);
  ASSERT_TRUE(view);
  std::string out = to_canonical_json(*view);
  EXPECT_EQ(out.find("CANARY"), std::string::npos) << out;
  EXPECT_EQ(out.find("confidential"), std::string::npos) << out;
  const auto& p = std::get<Person>(view->body);
  ASSERT_EQ(p.aliases.size(), 1u);
  EXPECT_EQ(p.aliases[0].name, "kept");
  EXPECT_EQ(p.status, "detained");
  EXPECT_EQ(view->sources, (std::vector<Citation>{{"s0000000001", ""}}));
}

TEST(Redact, DropsEveryReferenceToANonPublicRecord) {
  auto r = parse(R"({"kind":"case","sources":[{"source":"s0000000009"},{"source":"s0000000001"}],
    "links":[{"type":"related_to","target":"p0000000009"},{"type":"related_to","target":"p0000000001","visibility":"restricted"},
             {"type":"tried_by","target":"o0000000001","sources":[{"source":"s0000000009"}]}],
    "body":{"title":{"en":"T"},"persons":["p0000000001","p0000000009"],"facilities":["f0000000009"],"lawyers":["p0000000009"]}})");
  auto view = public_view(r, kIsPublic);
  ASSERT_TRUE(view);
  std::string out = to_canonical_json(*view);
  for (const auto& id : kHidden) EXPECT_EQ(out.find(id), std::string::npos) << id << " in " << out;
  ASSERT_EQ(view->links.size(), 1u);
  EXPECT_EQ(view->links[0].target, "o0000000001");
  EXPECT_TRUE(view->links[0].sources.empty());
  EXPECT_EQ(std::get<Case>(view->body).persons, (Ids{"p0000000001"}));
}

TEST(Redact, EventsLoseHiddenCaseFacilityAndPersons) {
  auto r = parse(R"({"kind":"event","body":{"type":"trial","date":"2009-12-23","case":"c0000000001",
    "persons":["p0000000009"],"facility":"f0000000009"}})");
  auto view =
      public_view(r, [](std::string_view id) { return id[0] != 'c' && !kHidden.count(id); });
  ASSERT_TRUE(view);
  const auto& e = std::get<Event>(view->body);
  EXPECT_TRUE(e.case_id.empty());
  EXPECT_TRUE(e.persons.empty());
  EXPECT_TRUE(e.facility.empty());
  EXPECT_EQ(e.date.to_string(), "2009-12-23");
}

TEST(Redact, APublicRecordWithNothingHiddenIsUnchanged) {
  auto r = parse(R"({"kind":"person","body":{"name":{"zh":"刘晓波","en":"Liu Xiaobo"}}})");
  auto view = public_view(r, kIsPublic);
  ASSERT_TRUE(view);
  EXPECT_EQ(*view, r);
}

}  // namespace
}  // namespace jz
