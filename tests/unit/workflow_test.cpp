// The review workflow (store/workflow.hpp): nothing reaches the public record before a
// second person publishes it; each step is allowed only to the right account and state;
// the revision remembers its reviewer and the chain still verifies.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "core/record_json.hpp"
#include "store/store.hpp"
#include "store/workflow.hpp"

namespace jz::store {
namespace {

namespace fs = std::filesystem;

class WorkflowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jz-workflow-" + std::to_string(std::random_device()()));
    fs::create_directories(dir_);
    auto s = open_sqlite((dir_ / "t.db").string(),
                         {.create = true, .clock = fixed_clock("2026-11-23T08:00:00Z")});
    ASSERT_TRUE(s) << s.status().message();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  Workflow as(const char* name, Role role) { return Workflow(*store_, {name, role}); }
  static Record person(const std::string& name_en, const std::string& visibility = "public") {
    auto r = parse_record(R"({"kind":"person","visibility":")" + visibility +
                          R"(","body":{"name":{"zh":"李","en":")" + name_en + R"("}}})");
    EXPECT_TRUE(r) << r.status().message();
    return *r;
  }
  std::string name_of(const std::string& id) {
    auto r = store_->get(id);
    return r ? std::get<Person>(r->body).name.en : "(" + r.status().message() + ")";
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(WorkflowTest, ANewRecordIsPublishedOnlyBySomeoneElse) {
  auto ana = as("ana", Role::kResearcher);
  auto draft = ana.start(person("Li Yu"), "new case from the March report");
  ASSERT_TRUE(draft) << draft.status().message();
  EXPECT_EQ(draft->base_revision, 0);
  EXPECT_FALSE(store_->get(draft->record_id)) << "a draft is not a record yet";

  auto own = as("ana", Role::kEditor).publish(draft->id);
  EXPECT_EQ(own.status().code(), Code::kForbidden) << "not before it is submitted, nor by ana";
  ASSERT_TRUE(ana.submit(draft->id));
  EXPECT_EQ(as("ana", Role::kEditor).publish(draft->id).status().code(), Code::kForbidden);
  EXPECT_EQ(as("ben", Role::kResearcher).publish(draft->id).status().code(), Code::kForbidden);

  auto published = as("eve", Role::kEditor).publish(draft->id);
  ASSERT_TRUE(published) << published.status().message();
  EXPECT_EQ(*published, PutOutcome::kCreated);
  EXPECT_EQ(name_of(draft->record_id), "Li Yu");
  auto history = store_->history(draft->record_id);
  ASSERT_TRUE(history && history->size() == 1);
  EXPECT_EQ((*history)[0].author, "ana");
  EXPECT_EQ((*history)[0].reviewer, "eve");
  EXPECT_EQ((*history)[0].reason, "new case from the March report");
  EXPECT_FALSE(*store_->drafts().find(draft->id)) << "a published draft is gone";
  auto report = store_->verify();
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->ok()) << report->problems.front();
}

TEST_F(WorkflowTest, TheRecordStaysAsPublishedWhileAChangeWaits) {
  Record r = person("Li Yu");
  ASSERT_TRUE(store_->put(r, {"import", "seed"}));
  Record changed = r;
  std::get<Person>(changed.body).name.en = "Li Yu (changed)";
  auto ana = as("ana", Role::kContributor);
  auto draft = ana.start(changed, "spelling");
  ASSERT_TRUE(draft) << draft.status().message();
  EXPECT_EQ(draft->base_revision, 1);
  ASSERT_TRUE(ana.submit(draft->id));
  EXPECT_EQ(name_of(r.id), "Li Yu");
  EXPECT_FALSE(ana.start(changed, "again")) << "one open draft per record";

  ASSERT_TRUE(as("eve", Role::kEditor).publish(draft->id));
  EXPECT_EQ(name_of(r.id), "Li Yu (changed)");
  EXPECT_EQ(store_->get(r.id)->revision, 2);
}

TEST_F(WorkflowTest, SentBackWithANoteThenChangedAndResubmitted) {
  auto ana = as("ana", Role::kResearcher);
  auto eve = as("eve", Role::kEditor);
  auto draft = ana.start(person("Li Yu"), "");
  ASSERT_TRUE(draft);
  EXPECT_EQ(ana.submit(draft->id).code(), Code::kInvalid) << "a reason is needed";
  Record fixed = person("Li Yu");
  EXPECT_EQ(ana.save(draft->id, fixed, "r").code(), Code::kInvalid) << "another record";
  fixed.id = draft->record_id;
  ASSERT_TRUE(ana.save(draft->id, fixed, "from the report"));
  ASSERT_TRUE(ana.submit(draft->id));
  EXPECT_EQ(ana.save(draft->id, fixed, "r").code(), Code::kConflict) << "frozen in review";
  EXPECT_EQ(eve.send_back(draft->id, " ").code(), Code::kInvalid) << "a note is needed";
  ASSERT_TRUE(eve.send_back(draft->id, "add the source"));
  auto back = ana.open(draft->id);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->state, DraftState::kDraft);
  EXPECT_EQ(back->review_note, "add the source");
  ASSERT_TRUE(ana.save(draft->id, fixed, "from the report, p. 3"));
  EXPECT_EQ(as("bob", Role::kResearcher).save(draft->id, fixed, "mine").code(), Code::kForbidden);
  ASSERT_TRUE(ana.submit(draft->id));
  ASSERT_TRUE(eve.publish(draft->id));

  auto events = store_->drafts().events(10);
  ASSERT_TRUE(events);
  std::vector<std::string> actions;
  for (auto it = events->rbegin(); it != events->rend(); ++it)
    actions.push_back(it->actor + " " + it->action);
  EXPECT_EQ(actions, (std::vector<std::string>{
                         "ana started a new record", "ana saved", "ana submitted for review",
                         "eve sent back: add the source", "ana saved", "ana submitted for review",
                         "eve published as revision 1"}));
}

TEST_F(WorkflowTest, AStaleDraftIsNotPublishedOverANewerRevision) {
  Record r = person("Li Yu");
  ASSERT_TRUE(store_->put(r, {"import", "seed"}));
  auto ana = as("ana", Role::kResearcher);
  auto draft = ana.start(r, "tidy");
  ASSERT_TRUE(draft && ana.submit(draft->id));
  std::get<Person>(r.body).status = "released";
  ASSERT_TRUE(store_->put(r, {"import", "newer news"}));
  auto published = as("eve", Role::kEditor).publish(draft->id);
  EXPECT_EQ(published.status().code(), Code::kConflict);
  EXPECT_NE(published.status().message().find("changed since draft"), std::string::npos);
  EXPECT_EQ(std::get<Person>(store_->get(r.id)->body).status, "released");
  EXPECT_TRUE(*store_->drafts().find(draft->id)) << "the draft waits, unchanged";
}

TEST_F(WorkflowTest, RolesSeeOnlyTheRecordsTheyMayRead) {
  Record restricted = person("Hidden", "restricted");
  Record confidential = person("Secret", "confidential");
  ASSERT_TRUE(store_->put(restricted, {"import", "seed"}));
  ASSERT_TRUE(store_->put(confidential, {"import", "seed"}));
  EXPECT_EQ(as("c", Role::kContributor).read(restricted.id).status().code(), Code::kForbidden);
  EXPECT_TRUE(as("r", Role::kResearcher).read(restricted.id));
  EXPECT_EQ(as("r", Role::kResearcher).read(confidential.id).status().code(), Code::kForbidden);
  EXPECT_TRUE(as("e", Role::kEditor).read(confidential.id));
  EXPECT_EQ(as("c", Role::kContributor).start(restricted, "x").status().code(), Code::kForbidden);

  // A researcher's draft of a restricted record is not shown to a contributor.
  auto draft = as("r", Role::kResearcher).start(restricted, "x");
  ASSERT_TRUE(draft);
  EXPECT_EQ(as("c", Role::kContributor).open(draft->id).status().code(), Code::kForbidden);
  EXPECT_TRUE(as("e", Role::kEditor).open(draft->id));
}

TEST_F(WorkflowTest, AGrantOpensOneRecordToOneAccount) {
  Record hidden = person("Hidden", "confidential");
  Record other = person("Other", "confidential");
  ASSERT_TRUE(store_->put(hidden, {"import", "seed"}));
  ASSERT_TRUE(store_->put(other, {"import", "seed"}));
  User cal{.name = "cal", .role = Role::kContributor, .password_hash = "x"};
  ASSERT_TRUE(store_->accounts().add_user(cal, "admin"));
  auto c = as("cal", Role::kContributor);
  EXPECT_EQ(c.read(hidden.id).status().code(), Code::kForbidden);
  EXPECT_EQ(store_->accounts().grant("cal", "p0000000000", "admin").code(), Code::kNotFound);
  ASSERT_TRUE(store_->accounts().grant("cal", hidden.id, "admin"));
  EXPECT_TRUE(c.read(hidden.id));
  EXPECT_EQ(c.read(other.id).status().code(), Code::kForbidden) << "one record, not its kind";
  EXPECT_EQ(as("dan", Role::kContributor).read(hidden.id).status().code(), Code::kForbidden);
  auto draft = c.start(hidden, "a correction");
  ASSERT_TRUE(draft) << draft.status().message();
  ASSERT_TRUE(store_->accounts().revoke("cal", hidden.id, "admin"));
  EXPECT_EQ(c.read(hidden.id).status().code(), Code::kForbidden);
  EXPECT_TRUE(c.open(draft->id)) << "her own draft stays hers";
}

TEST_F(WorkflowTest, RestoreMakesADraftOfAnOlderRevision) {
  Record r = person("First");
  ASSERT_TRUE(store_->put(r, {"import", "seed"}));
  std::get<Person>(r.body).name.en = "Second";
  ASSERT_TRUE(store_->put(r, {"import", "wrong"}));
  auto ana = as("ana", Role::kResearcher);
  EXPECT_EQ(ana.restore(r.id, 9).status().code(), Code::kNotFound);
  auto draft = ana.restore(r.id, 1);
  ASSERT_TRUE(draft) << draft.status().message();
  EXPECT_EQ(draft->reason, "restore revision 1");
  EXPECT_EQ(draft->base_revision, 2);
  ASSERT_TRUE(ana.submit(draft->id));
  ASSERT_TRUE(as("eve", Role::kEditor).publish(draft->id));
  EXPECT_EQ(name_of(r.id), "First");
  EXPECT_EQ(store_->get(r.id)->revision, 3) << "restored as a new revision, history kept";
}

TEST_F(WorkflowTest, UnpublishTakesARecordDownAtOnceWithAReason) {
  Record r = person("Li Yu");
  ASSERT_TRUE(store_->put(r, {"import", "seed"}));
  EXPECT_EQ(as("r", Role::kResearcher).unpublish(r.id, "risk").code(), Code::kForbidden);
  auto eve = as("eve", Role::kEditor);
  EXPECT_EQ(eve.unpublish(r.id, "").code(), Code::kInvalid);
  ASSERT_TRUE(eve.unpublish(r.id, "family asked"));
  EXPECT_EQ(store_->get(r.id)->visibility, "restricted");
  EXPECT_EQ(store_->history(r.id)->back().reason, "unpublished: family asked");
  EXPECT_EQ(eve.unpublish(r.id, "again").code(), Code::kConflict);
}

TEST_F(WorkflowTest, DiscardIsForTheAuthorOrAnEditor) {
  auto ana = as("ana", Role::kContributor);
  auto draft = ana.start(person("Li Yu"), "x");
  ASSERT_TRUE(draft);
  EXPECT_EQ(as("bob", Role::kResearcher).discard(draft->id).code(), Code::kForbidden);
  ASSERT_TRUE(ana.discard(draft->id));
  EXPECT_EQ(ana.open(draft->id).status().code(), Code::kNotFound);
}

}  // namespace
}  // namespace jz::store
