// Merging duplicates (core/merge_persons.hpp, Workflow::merge): the kept record gains the
// duplicate's names and facts without losing its own, what was hidden stays hidden, every
// reference moves over, and the duplicate stays with its history, no longer public.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "core/merge_persons.hpp"
#include "core/record_json.hpp"
#include "store/store.hpp"
#include "store/workflow.hpp"

namespace jz {
namespace {

Record rec(const std::string& json) {
  auto r = parse_record(json);
  EXPECT_TRUE(r) << r.status().message() << "\n" << json;
  return r ? *r : Record{};
}

const char* kKept =
    R"({"id":"p0000000001","kind":"person","body":{"name":{"zh":"刘晓波"},"born":"1955-12-28",)"
    R"("status":"detained","groups":["writer"]}})";
const char* kDuplicate =
    R"({"id":"p0000000002","kind":"person","confidential":["/body/health","/body/aliases/0"],)"
    R"("body":{"name":{"zh":"劉曉波","en":"Liu Xiaobo"},"aliases":[{"name":"晓波","system":"chinese"}],)"
    R"("born":"1955","health":{"en":"liver cancer"},"groups":["writer","academic"],)"
    R"("province":"liaoning","status":"released"}})";

TEST(MergePersons, NamesBecomeAliasesEmptyFieldsFillHiddenStaysHidden) {
  auto merged = merge_persons(rec(kKept), rec(kDuplicate));
  ASSERT_TRUE(merged) << merged.status().message();
  const auto& p = std::get<Person>(merged->body);
  EXPECT_EQ(p.name.zh, "刘晓波") << "the kept record's own values win";
  EXPECT_EQ(p.born->to_string(), "1955-12-28");
  EXPECT_EQ(p.status, "detained");
  std::vector<std::string> aliases;
  for (const auto& a : p.aliases) aliases.push_back(a.name + "/" + a.system);
  EXPECT_EQ(aliases,
            (std::vector<std::string>{"劉曉波/chinese", "Liu Xiaobo/english", "晓波/chinese"}));
  EXPECT_EQ(p.province, "liaoning");
  EXPECT_EQ(p.health.en, "liver cancer");
  EXPECT_EQ(p.groups, (std::vector<std::string>{"writer", "academic"}));
  EXPECT_EQ(merged->confidential, (std::vector<std::string>{"/body/aliases/2", "/body/health"}));
}

TEST(MergePersons, EverythingOfAMoreHiddenDuplicateStaysHidden) {
  Record dup = rec(kDuplicate);
  dup.visibility = "restricted";
  auto merged = merge_persons(rec(kKept), dup);
  ASSERT_TRUE(merged) << merged.status().message();
  auto pub = remove_confidential_fields(*merged);
  ASSERT_TRUE(pub);
  EXPECT_EQ(to_canonical_json(*pub).find("liaoning"), std::string::npos);
  EXPECT_EQ(to_canonical_json(*pub).find("Liu Xiaobo"), std::string::npos);
  EXPECT_EQ(to_canonical_json(*pub).find("academic"), std::string::npos) << "its groups too";
  EXPECT_NE(to_canonical_json(*pub).find("writer"), std::string::npos) << "the kept's own stay";
}

TEST(MergePersons, OnlyTwoDifferentUnmergedPersons) {
  EXPECT_FALSE(merge_persons(rec(kKept), rec(kKept)));
  Record merged_already = rec(kDuplicate);
  merged_already.merged_into = "p0000000009";
  EXPECT_EQ(merge_persons(rec(kKept), merged_already).status().code(), Code::kConflict);
  EXPECT_FALSE(merge_persons(
      rec(kKept),
      rec(R"({"id":"o0000000001","kind":"organization","body":{"type":"ngo","name":{"en":"X"}}})")));
}

TEST(MoveReferences, EveryReferenceMovesAndRepeatsGo) {
  Record c = rec(
      R"({"id":"c0000000001","kind":"case","links":[{"type":"related_to","target":"p0000000002"},)"
      R"({"type":"related_to","target":"p0000000001"}],)"
      R"("body":{"title":{"en":"Case"},"persons":["p0000000001","p0000000002"],"lawyers":["p0000000002"]}})");
  move_references(c, "p0000000002", "p0000000001");
  const auto& body = std::get<Case>(c.body);
  EXPECT_EQ(body.persons, (Ids{"p0000000001"}));
  EXPECT_EQ(body.lawyers, (Ids{"p0000000001"}));
  ASSERT_EQ(c.links.size(), 1u);
  EXPECT_EQ(c.links[0].target, "p0000000001");
}

namespace fs = std::filesystem;

class MergeWorkflow : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jz-merge-" + std::to_string(std::random_device()()));
    fs::create_directories(dir_);
    auto s = store::open_sqlite((dir_ / "t.db").string(), {.create = true});
    ASSERT_TRUE(s) << s.status().message();
    store_ = std::move(*s);
    for (
        const char* json :
        {kKept, kDuplicate,
         R"({"id":"c0000000001","kind":"case","body":{"title":{"en":"Case"},"persons":["p0000000002"]}})",
         R"({"id":"e0000000001","kind":"event","body":{"type":"arrest_approved","date":"2009-06-23",)"
         R"("case":"c0000000001","persons":["p0000000001","p0000000002"]}})"}) {
      Record r = rec(json);
      ASSERT_TRUE(store_->put(r, {"import", "seed"}));
    }
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  fs::path dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(MergeWorkflow, ReferencesMoveAndTheDuplicateKeepsItsHistory) {
  store::Workflow researcher(*store_, {"ana", Role::kResearcher});
  EXPECT_EQ(researcher.merge("p0000000002", "p0000000001", "same man").code(), Code::kForbidden);
  store::Workflow editor(*store_, {"eve", Role::kEditor});
  EXPECT_EQ(editor.merge("p0000000002", "p0000000001", "").code(), Code::kInvalid);
  ASSERT_TRUE(editor.merge("p0000000002", "p0000000001", "same man, two lists"));

  EXPECT_EQ(std::get<Case>(store_->get("c0000000001")->body).persons, (Ids{"p0000000001"}));
  EXPECT_EQ(std::get<Event>(store_->get("e0000000001")->body).persons, (Ids{"p0000000001"}));
  auto dup = store_->get("p0000000002");
  ASSERT_TRUE(dup);
  EXPECT_EQ(dup->merged_into, "p0000000001");
  EXPECT_EQ(dup->visibility, "restricted");
  EXPECT_EQ(store_->history("p0000000002")->size(), 2u) << "both histories are kept";
  EXPECT_EQ(store_->history("p0000000001")->back().reason,
            "merged p0000000002 into p0000000001: same man, two lists");
  auto referrers = store_->referrers("p0000000002");
  ASSERT_TRUE(referrers);
  EXPECT_TRUE(referrers->empty()) << "nothing points at the duplicate any more";
  auto report = store_->verify();
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->ok());
  EXPECT_EQ(editor.merge("p0000000002", "p0000000001", "again").code(), Code::kConflict);
}

TEST_F(MergeWorkflow, NotWhileADraftIsOpen) {
  store::Workflow ana(*store_, {"ana", Role::kResearcher});
  ASSERT_TRUE(ana.start(*store_->get("p0000000002"), "fix"));
  store::Workflow editor(*store_, {"eve", Role::kEditor});
  EXPECT_EQ(editor.merge("p0000000002", "p0000000001", "same").code(), Code::kConflict);
  EXPECT_TRUE(store_->get("p0000000002")->merged_into.empty()) << "nothing changed";
}

}  // namespace
}  // namespace jz
