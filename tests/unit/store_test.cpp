#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <random>

#include "common/old_schema.hpp"
#include "core/record_json.hpp"
#include "store/accounts.hpp"
#include "store/each_public.hpp"
#include "store/sqlite_db.hpp"
#include "store/store.hpp"

namespace jz::store {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("jz-store-" + std::to_string(std::random_device()()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    path_ = (dir_ / "t.db").string();
    reopen();
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  void reopen() {
    store_.reset();
    auto s = open_sqlite(path_, {.create = true, .clock = fixed_clock("2026-11-22T10:00:00Z")});
    ASSERT_TRUE(s) << s.status().message();
    store_ = std::move(*s);
  }
  static Record rec(const std::string& json) {
    auto r = parse_record(json);
    EXPECT_TRUE(r) << r.status().message();
    return *r;
  }
  Record put(const std::string& json, PutOutcome expected = PutOutcome::kCreated) {
    Record r = rec(json);
    auto outcome = store_->put(r, {"tester", "test"});
    EXPECT_TRUE(outcome) << outcome.status().message();
    if (outcome) {
      EXPECT_EQ(*outcome, expected);
    }
    return r;
  }
  // Runs SQL on the file behind the store's back, as an attacker with the file would.
  void tamper(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << err;
    sqlite3_free(err);
    sqlite3_close(db);
  }
  std::vector<std::string> problems() {
    auto report = store_->verify();
    EXPECT_TRUE(report) << report.status().message();
    return report ? report->problems : std::vector<std::string>{"verify failed"};
  }
  static bool mentions(const std::vector<std::string>& ps, const std::string& text) {
    for (const auto& p : ps)
      if (p.find(text) != std::string::npos) return true;
    return false;
  }

  fs::path dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

constexpr const char* kSource =
    R"({"id":"s0000000001","kind":"source","body":{"type":"report","title":{"en":"Report"}}})";
constexpr const char* kPerson =
    R"({"id":"p0000000001","kind":"person","sources":[{"source":"s0000000001"}],"body":{"name":{"zh":"刘晓波","en":"Liu Xiaobo"},"status":"detained"}})";

TEST_F(StoreTest, WritesAndReadsBackARecordWithItsEnvelope) {
  put(kSource);
  Record p = put(kPerson);
  EXPECT_EQ(p.slug, "liu-xiaobo");
  EXPECT_EQ(p.revision, 1);
  EXPECT_EQ(p.created, "2026-11-22T10:00:00Z");
  auto back = store_->get("p0000000001");
  ASSERT_TRUE(back) << back.status().message();
  EXPECT_EQ(*back, p);
  EXPECT_EQ(store_->get("p0000000002").status().code(), Code::kNotFound);
}

TEST_F(StoreTest, EveryChangeIsARevisionAndNoChangeIsNone) {
  put(kSource);
  put(kPerson);
  put(kPerson, PutOutcome::kUnchanged);
  Record changed = rec(kPerson);
  std::get<Person>(changed.body).status = "released";
  ASSERT_TRUE(store_->put(changed, {"editor", "released on bail"}));
  EXPECT_EQ(changed.revision, 2);
  auto history = store_->history("p0000000001");
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[1].author, "editor");
  EXPECT_EQ((*history)[1].reason, "released on bail");
  EXPECT_EQ((*history)[1].prev_hash, (*history)[0].hash);
  EXPECT_NE((*history)[1].snapshot.find("released"), std::string::npos);
  EXPECT_NE((*history)[0].snapshot.find("detained"), std::string::npos);
  EXPECT_TRUE(problems().empty());

  // The audit view's list: every record's revisions, newest first, paged.
  auto recent = store_->recent_revisions(0, 2);
  ASSERT_TRUE(recent);
  ASSERT_EQ(recent->size(), 2u);
  EXPECT_EQ((*recent)[0].seq, 3);
  EXPECT_EQ((*recent)[0].record_id, "p0000000001");
  EXPECT_EQ((*recent)[0].revision, 2);
  EXPECT_EQ((*recent)[0].author, "editor");
  EXPECT_EQ((*recent)[0].reason, "released on bail");
  EXPECT_EQ((*recent)[0].snapshot, "");
  EXPECT_EQ((*recent)[1].seq, 2);
  auto older = store_->recent_revisions(2, 10);
  ASSERT_TRUE(older);
  ASSERT_EQ(older->size(), 1u);
  EXPECT_EQ((*older)[0].record_id, "s0000000001");
}

TEST_F(StoreTest, ATransactionLandsWhollyOrNotAtAll) {
  put(kSource);
  Status s = store_->transaction([&]() -> Status {
    Record p = rec(kPerson);
    JZ_RETURN_IF_ERROR(store_->put(p, {"t", "t"}).status());
    return Status::invalid("line 2: bad");
  });
  EXPECT_FALSE(s.is_ok());
  EXPECT_EQ(store_->get("p0000000001").status().code(), Code::kNotFound);
  EXPECT_TRUE(problems().empty());
  // The chain continues correctly after a rollback.
  put(kPerson);
  EXPECT_TRUE(problems().empty());
}

TEST_F(StoreTest, AHeldSnapshotSeesOneStateUntilItIsLetGo) {
  put(kSource);
  auto reader = open_sqlite(path_, {.clock = fixed_clock("2026-11-22T10:00:00Z")});
  ASSERT_TRUE(reader) << reader.status().message();
  ASSERT_TRUE((*reader)->hold_snapshot().is_ok());
  auto before = (*reader)->last_change();
  ASSERT_TRUE(before);
  EXPECT_EQ((*reader)->hold_snapshot().code(), Code::kInternal);  // one at a time
  // Nor an account: it would join the snapshot's transaction, and be rolled back with it.
  EXPECT_FALSE((*reader)->accounts().add_user({.name = "zhou", .password_hash = "h"}, "t").is_ok());

  put(kPerson);  // another connection writes while the snapshot is held
  auto held = (*reader)->last_change();
  ASSERT_TRUE(held);
  EXPECT_EQ(*held, *before);
  EXPECT_EQ((*reader)->get("p0000000001").status().code(), Code::kNotFound);
  Record other = rec(kPerson);  // it writes nothing while it holds one
  EXPECT_EQ((*reader)->put(other, {"t", "t"}).status().code(), Code::kInternal);

  (*reader)->release_snapshot();
  auto after = (*reader)->last_change();
  ASSERT_TRUE(after);
  EXPECT_GT(*after, *before);
  EXPECT_TRUE((*reader)->get("p0000000001"));
  // Let go, it writes again, and what it wrote stays.
  ASSERT_TRUE((*reader)->accounts().add_user({.name = "zhou", .password_hash = "h"}, "t").is_ok());
  auto zhou = store_->accounts().find_user("zhou");
  ASSERT_TRUE(zhou);
  EXPECT_TRUE(zhou->has_value());
  ASSERT_TRUE((*reader)->hold_snapshot().is_ok());  // and can hold another
  (*reader)->release_snapshot();
}

TEST_F(StoreTest, ReferencesMayComeLaterInATransactionButMustExistAtCommit) {
  Status s = store_->transaction([&]() -> Status {
    Record p = rec(kPerson);  // cites s0000000001, written next
    JZ_RETURN_IF_ERROR(store_->put(p, {"t", "t"}).status());
    Record src = rec(kSource);
    return store_->put(src, {"t", "t"}).status();
  });
  EXPECT_TRUE(s.is_ok()) << s.message();

  Record dangling = rec(R"({"kind":"case","body":{"title":{"en":"C"},"persons":["p0000000077"]}})");
  auto r = store_->put(dangling, {"t", "t"});
  ASSERT_FALSE(r);
  EXPECT_NE(r.status().message().find("refers to p0000000077, which does not exist"),
            std::string::npos);
  auto counts = store_->count_by_kind();
  EXPECT_EQ((*counts)["case"], 0);
}

TEST_F(StoreTest, ASecondLongSlugStillFitsItsSuffix) {
  // Two labels whose slugs are the same first 80 characters (make_slug's limit).
  const std::string words(90, 'a');
  Record first =
      put(R"({"id":"p0000000001","kind":"person","body":{"name":{"en":")" + words + R"( one"}}})");
  Record second =
      put(R"({"id":"p0000000002","kind":"person","body":{"name":{"en":")" + words + R"( two"}}})");
  EXPECT_EQ(first.slug, std::string(80, 'a'));
  EXPECT_EQ(second.slug, std::string(75, 'a') + "-0000");
  auto read = store_->get("p0000000002");
  ASSERT_TRUE(read) << read.status().message();
  EXPECT_EQ(read->slug, second.slug);
}

TEST_F(StoreTest, SlugsAreUniquePerKind) {
  put(kSource);
  put(kPerson);
  Record twin = put(R"({"id":"p0000000002","kind":"person","body":{"name":{"en":"Liu Xiaobo"}}})");
  EXPECT_EQ(twin.slug, "liu-xiaobo-0000");
  Record clash = rec(R"({"kind":"person","slug":"liu-xiaobo","body":{"name":{"en":"X"}}})");
  auto r = store_->put(clash, {"t", "t"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.status().code(), Code::kConflict);
  EXPECT_NE(r.status().message().find("already used by p0000000001"), std::string::npos);
}

TEST_F(StoreTest, SlugsAreMadeFromPublicFieldsOnly) {
  Record r = put(
      R"({"kind":"person","confidential":["/body/name/en"],"body":{"name":{"zh":"王五","en":"Secret Name"}}})");
  EXPECT_EQ(r.slug, "wang-wu");
}

TEST_F(StoreTest, AnIdKeepsItsKind) {
  put(kSource);
  put(kPerson);
  Record r = rec(R"({"kind":"source","body":{"type":"report","title":{"en":"R"}}})");
  r.id = "p0000000001";
  auto out = store_->put(r, {"t", "t"});
  ASSERT_FALSE(out);
  EXPECT_EQ(out.status().code(), Code::kConflict);
}

TEST_F(StoreTest, ANewRecordKeepsTheRevisionAndTimesItArrivesWith) {
  Record r = put(
      R"({"id":"s0000000001","kind":"source","created":"2020-01-01T00:00:00Z","updated":"2021-01-01T00:00:00Z","revision":7,"body":{"type":"report","title":{"en":"R"}}})");
  EXPECT_EQ(r.revision, 7);
  EXPECT_EQ(r.created, "2020-01-01T00:00:00Z");
  EXPECT_EQ(r.updated, "2021-01-01T00:00:00Z");
  EXPECT_TRUE(problems().empty());
}

TEST_F(StoreTest, ListsByKindAndFindsReferrers) {
  put(kSource);
  put(kPerson);
  put(R"({"id":"p0000000002","kind":"person","body":{"name":{"en":"Ai Weiwei"}}})");
  put(R"({"id":"c0000000001","kind":"case","body":{"title":{"en":"C"},"persons":["p0000000001"]}})");
  auto persons = store_->list("person", 0, 10);
  ASSERT_TRUE(persons);
  ASSERT_EQ(persons->size(), 2u);
  EXPECT_EQ((*persons)[0].slug, "ai-weiwei");
  auto refs = store_->referrers("p0000000001");
  ASSERT_TRUE(refs);
  EXPECT_EQ(*refs, (std::vector<std::string>{"c0000000001"}));
}

TEST_F(StoreTest, ThePublicOracleKnowsWhatIsHidden) {
  put(kSource);
  put(R"({"id":"p0000000009","kind":"person","visibility":"confidential","body":{"name":{"en":"Secret"}}})");
  auto is_public = public_oracle(*store_);
  ASSERT_TRUE(is_public);
  EXPECT_TRUE((*is_public)("s0000000001"));
  EXPECT_FALSE((*is_public)("p0000000009"));
}

ListQuery persons(std::vector<Facet> filters, std::int64_t limit = 50) {
  ListQuery q;
  q.kind = "person";
  q.filters = std::move(filters);
  q.limit = limit;
  return q;
}

TEST_F(StoreTest, PublicListsFilterByPublicFacetsOnly) {
  put(R"({"id":"p0000000001","kind":"person","body":{"name":{"en":"A"},"status":"detained","province":"tibet","groups":["ethnic_minority"]}})");
  put(R"({"id":"p0000000002","kind":"person","body":{"name":{"en":"B"},"status":"detained","province":"beijing"}})");
  put(R"({"id":"p0000000003","kind":"person","body":{"name":{"en":"C"},"status":"released","province":"tibet"}})");
  // A hidden province must not be findable by filtering on it; a hidden record not at all.
  put(R"({"id":"p0000000004","kind":"person","confidential":["/body/province"],"body":{"name":{"en":"D"},"status":"detained","province":"tibet"}})");
  put(R"({"id":"p0000000005","kind":"person","visibility":"restricted","body":{"name":{"en":"E"},"status":"detained"}})");

  auto all = store_->list_public(persons({}, 2));
  ASSERT_TRUE(all) << all.status().message();
  EXPECT_EQ(all->total, 4);
  ASSERT_EQ(all->records.size(), 2u);
  EXPECT_EQ(all->records[0].id, "p0000000001");

  auto tibet = store_->list_public(persons({{"status", "detained"}, {"province", "tibet"}}));
  ASSERT_TRUE(tibet);
  ASSERT_EQ(tibet->total, 1);
  EXPECT_EQ(tibet->records[0].id, "p0000000001");

  auto statuses = store_->facet_counts("person", "status", {});
  ASSERT_TRUE(statuses);
  EXPECT_EQ(*statuses,
            (std::vector<std::pair<std::string, std::int64_t>>{{"detained", 3}, {"released", 1}}));
  auto provinces = store_->facet_counts("person", "province", {{"status", "detained"}});
  ASSERT_TRUE(provinces);
  EXPECT_EQ(*provinces,
            (std::vector<std::pair<std::string, std::int64_t>>{{"beijing", 1}, {"tibet", 1}}))
      << "the hidden province of p0000000004 is not counted";
  auto counts = store_->count_public_by_kind();
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->at("person"), 4);

  // The ids alone, in the same order, for every order, filter and window.
  for (auto order : {ListQuery::Order::kSlug, ListQuery::Order::kRecentlyUpdated}) {
    for (auto query : {persons({}), persons({}, 2), persons({{"province", "tibet"}}),
                       persons({{"status", "detained"}, {"province", "tibet"}})}) {
      query.order = order;
      query.offset = query.limit == 2 ? 1 : 0;
      auto listed = store_->list_public(query);
      auto ids = store_->list_public_ids(query);
      ASSERT_TRUE(listed && ids);
      std::vector<std::string> expected;
      for (const auto& r : listed->records) expected.push_back(r.id);
      EXPECT_EQ(*ids, expected);
    }
  }
  auto hidden_too = store_->list_public_ids(persons({}));
  ASSERT_TRUE(hidden_too);
  EXPECT_EQ(hidden_too->size(), 4u) << "p0000000005 is restricted";

  // A change of status moves the person between lists.
  Record c = rec(
      R"({"id":"p0000000003","kind":"person","body":{"name":{"en":"C"},"status":"detained","province":"tibet"}})");
  ASSERT_TRUE(store_->put(c, {"t", "t"}));
  tibet = store_->list_public(persons({{"status", "detained"}, {"province", "tibet"}}));
  ASSERT_TRUE(tibet);
  EXPECT_EQ(tibet->total, 2);
}

// Pages that gather a whole kind walk it with each_public(): one query of ids, not OFFSET
// batches. It must give what list_public() gives, as the public sees it.
TEST_F(StoreTest, EachPublicVisitsTheWholeListInOrderAsThePublicSeesIt) {
  put(R"({"id":"p0000000001","kind":"person","slug":"b","body":{"name":{"en":"B"},"status":"detained","health":{"en":"ill"}}})");
  put(R"({"id":"p0000000002","kind":"person","slug":"a","confidential":["/body/health"],"body":{"name":{"en":"A"},"status":"detained","health":{"en":"ill"}}})");
  put(R"({"id":"p0000000003","kind":"person","slug":"c","body":{"name":{"en":"C"},"status":"released"}})");
  put(R"({"id":"p0000000004","kind":"person","slug":"d","visibility":"restricted","body":{"name":{"en":"D"},"status":"detained"}})");
  IsPublic visible = [](std::string_view id) { return id != "p0000000004"; };

  auto visit = [&](ListQuery query) {
    std::vector<std::string> seen;
    auto s = each_public(*store_, visible, std::move(query), [&](Record r) {
      seen.push_back(r.id + ":" + std::get<Person>(r.body).health.en);
      return Status::ok();
    });
    EXPECT_TRUE(s) << s.message();
    return seen;
  };
  // Slug order; the confidential health is not in the view; offset and limit are ignored.
  EXPECT_EQ(visit(persons({}, 1)),
            (std::vector<std::string>{"p0000000002:", "p0000000001:ill", "p0000000003:"}));
  EXPECT_EQ(visit(persons({{"status", "detained"}})),
            (std::vector<std::string>{"p0000000002:", "p0000000001:ill"}));

  // The first error stops the walk and is returned.
  int visited = 0;
  auto stopped = each_public(*store_, visible, persons({}), [&](Record) {
    ++visited;
    return Status::invalid("stop here");
  });
  EXPECT_EQ(stopped.message(), "stop here");
  EXPECT_EQ(visited, 1);
}

TEST_F(StoreTest, ADatabaseFromSchemaOneGetsItsFacetsWhenOpened) {
  put(R"({"id":"p0000000001","kind":"person","body":{"name":{"en":"A"},"status":"detained"}})");
  store_.reset();
  {  // What issue 2's program left behind: no facets or search tables, user_version 1.
    auto db = Database::open(path_, false);  // registers the tokenizer DROP needs
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec(std::string(jz::testing::kBackToSchema4) +
                         "DROP TABLE search_text; DROP TABLE search_head; DROP TABLE search_docs; "
                         "DROP TABLE facets; DROP INDEX records_by_kind_updated; "
                         "PRAGMA user_version = 1;"));
  }
  reopen();
  ListQuery q;
  q.kind = "person";
  q.filters = {{"status", "detained"}};
  auto found = store_->list_public(q);
  ASSERT_TRUE(found) << found.status().message();
  EXPECT_EQ(found->total, 1);
}

TEST_F(StoreTest, LastChangeGrowsWithEveryWriteSeenFromAReader) {
  auto reader = open_sqlite(path_, {.read_only = true});
  ASSERT_TRUE(reader) << reader.status().message();
  auto before = (*reader)->last_change();
  ASSERT_TRUE(before);
  put(kSource);
  auto after = (*reader)->last_change();
  ASSERT_TRUE(after);
  EXPECT_GT(*after, *before);
  EXPECT_TRUE((*reader)->get("s0000000001"));
  Record r = rec(kPerson);
  EXPECT_FALSE((*reader)->put(r, {"t", "t"})) << "a reader must not write";
}

class TamperTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    put(kSource);
    put(kPerson);
    Record changed = rec(kPerson);
    std::get<Person>(changed.body).status = "released";
    ASSERT_TRUE(store_->put(changed, {"t", "t"}));
    put(R"({"id":"p0000000002","kind":"person","body":{"name":{"en":"Hu Jia"}}})");
    ASSERT_TRUE(problems().empty());
    store_.reset();
  }
};

TEST_F(TamperTest, AnAlteredRevisionIsFound) {
  tamper("UPDATE revisions SET snapshot = replace(snapshot, 'detained', 'released') WHERE seq = 2");
  reopen();
  EXPECT_TRUE(mentions(problems(), "revision #2 (record p0000000001, revision 1) was altered"));
}

TEST_F(TamperTest, AChangedAuthorIsFound) {
  tamper("UPDATE revisions SET author = 'someone else' WHERE seq = 3");
  reopen();
  EXPECT_TRUE(mentions(problems(), "revision #3"));
}

TEST_F(TamperTest, ReorderedRevisionsAreFound) {
  tamper(
      "UPDATE revisions SET seq = 100 WHERE seq = 2; UPDATE revisions SET seq = 2 WHERE seq = 3;"
      "UPDATE revisions SET seq = 3 WHERE seq = 100;");
  reopen();
  EXPECT_TRUE(mentions(problems(), "does not follow the revision before it"));
}

TEST_F(TamperTest, ADeletedMiddleRevisionIsFound) {
  tamper("DELETE FROM revisions WHERE seq = 2");
  reopen();
  EXPECT_TRUE(mentions(problems(), "revision #2 is missing"));
}

TEST_F(TamperTest, ADeletedLastRevisionIsFound) {
  tamper("DELETE FROM revisions WHERE seq = 4");
  reopen();
  auto ps = problems();
  EXPECT_TRUE(mentions(ps, "should end at revision #4 but ends at #3"));
  EXPECT_TRUE(mentions(ps, "record p0000000002: its revision 1 is missing"));
}

TEST_F(TamperTest, ARecordEditedOutsideTheStoreIsFound) {
  tamper("UPDATE records SET body = replace(body, 'Hu Jia', 'Someone') WHERE id = 'p0000000002'");
  reopen();
  EXPECT_TRUE(mentions(problems(), "record p0000000002: its current content differs"));
}

TEST_F(TamperTest, AVisibilityColumnChangedBehindTheBodysBackIsFound) {
  tamper("UPDATE records SET visibility = 'confidential' WHERE id = 'p0000000002'");
  reopen();
  EXPECT_TRUE(mentions(problems(), "record p0000000002: its id, kind, slug, visibility"));
}

TEST_F(TamperTest, AFacetRemovedBehindTheStoresBackIsFound) {
  tamper("DELETE FROM facets WHERE record_id = 'p0000000001'");
  reopen();
  auto found = problems();
  ASSERT_FALSE(found.empty());
  EXPECT_TRUE(mentions(found, "p0000000001: its list filters (facets) differ"));
}

TEST_F(TamperTest, ADeletedRecordIsFound) {
  tamper("DELETE FROM records WHERE id = 'p0000000002'");
  reopen();
  EXPECT_TRUE(mentions(problems(), "record p0000000002 was deleted"));
}

TEST(OpenSqlite, SaysHowToCreateAMissingDatabase) {
  auto s = open_sqlite("/nonexistent-dir/none.db");
  ASSERT_FALSE(s);
  EXPECT_NE(s.status().message().find("jianzheng --db /nonexistent-dir/none.db init"),
            std::string::npos);
}

TEST(OpenSqlite, RefusesAFileThatIsNotADatabase) {
  auto path = fs::temp_directory_path() / ("jz-notdb-" + std::to_string(std::random_device()()));
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("name,born\nA,1990\n", f);
    std::fclose(f);
  }
  auto s = open_sqlite(path.string());
  fs::remove(path);
  ASSERT_FALSE(s);
  EXPECT_NE(s.status().message().find("not a Jianzheng database"), std::string::npos)
      << s.status().message();
}

}  // namespace
}  // namespace jz::store
