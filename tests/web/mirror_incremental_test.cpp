// An incremental mirror: after each kind of change, the export that takes unchanged pages
// from the earlier one writes the same files as a full export, and renders fewer pages.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <random>
#include <set>
#include <sstream>

#include "core/record_json.hpp"
#include "exchange/import.hpp"
#include "web/mirror_changes.hpp"
#include "web/mirror_export.hpp"
#include "web/page_reads.hpp"
#include "web/reads_recording_store.hpp"

namespace jz::web {
namespace {

namespace fs = std::filesystem;
using std::chrono::hours;
using std::chrono::sys_days;

// A small site, so that a full export to compare with costs little even under sanitizers.
constexpr const char* kRecords = R"(
{"id":"s0000000nc1","kind":"source","body":{"type":"report","title":{"en":"Incremental test report"}}}
{"id":"f0000000nc1","kind":"facility","body":{"type":"black_jail","name":{"en":"A test black jail"}}}
{"id":"e0000000nc1","kind":"event","body":{"type":"dialogue_round","date":"2027-01-10","title":{"en":"A coming dialogue round"}}}
{"id":"p0000000nc1","kind":"person","sources":[{"source":"s0000000nc1"}],"links":[{"type":"raised_in","target":"e0000000nc1"}],"body":{"name":{"en":"First Person","zh":"第一人"},"status":"detained"}}
{"id":"p0000000nc2","kind":"person","body":{"name":{"en":"Second Person"},"status":"released"}}
{"id":"p0000000nc3","kind":"person","visibility":"restricted","body":{"name":{"en":"HIDDEN-PERSON"},"status":"detained"}}
{"id":"c0000000nc1","kind":"case","body":{"title":{"en":"The test case"},"persons":["p0000000nc1","p0000000nc2","p0000000nc3"],"status":"pre_trial"}}
)";

const auto kDay = sys_days(std::chrono::year(2026) / 11 / 23) + hours(4);

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

class MirrorIncrementalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jz-incremental-" + std::to_string(std::random_device()()));
    fs::create_directories(dir_);
    db_ = (dir_ / "site.db").string();
    auto writer = store::open_sqlite(db_, {.create = true});
    ASSERT_TRUE(writer) << writer.status().message();
    writer_ = std::move(*writer);
    std::ofstream jsonl(dir_ / "records.jsonl");
    jsonl << kRecords;
    // Persons no change touches: their pages are taken from the earlier mirror every time.
    for (int i = 10; i < 40; ++i)
      jsonl << R"({"id":"p00000001)" << i << R"(","kind":"person","body":{"name":{"en":"Person )"
            << i << R"("},"status":"released"}})"
            << "\n";
    jsonl.close();
    auto imported = exchange::import_jsonl(*writer_, (dir_ / "records.jsonl").string(), {});
    ASSERT_TRUE(imported) << imported.status().message();
    auto site = Site::load();
    ASSERT_TRUE(site) << site.status().message();
    site_ = std::move(*site);
    readers_ = std::make_unique<ReaderPool>([this] {
      store::OpenOptions o;
      o.read_only = true;
      return store::open_sqlite(db_, std::move(o));
    });
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A new mirror in `name`, taking what it can from `earlier` (a mirror made before) and a
  // copy of its state.
  MirrorReport publish(const std::string& name, std::chrono::system_clock::time_point now,
                       const std::string& earlier = "", const MirrorState* state = nullptr) {
    MirrorOptions o;
    o.out = dir_ / name;
    o.now = now;
    MirrorState taken_from;
    if (state) {
      taken_from = *state;
      o.previous_dir = dir_ / earlier;
      o.previous_state = &taken_from;
    }
    auto report = export_mirror(*site_, *readers_, o);
    EXPECT_TRUE(report) << report.status().message();
    return report ? std::move(*report) : MirrorReport{};
  }

  void change(const std::string& id, const std::function<void(Record&)>& edit) {
    auto record = writer_->get(id);
    ASSERT_TRUE(record) << id;
    edit(*record);
    auto put = writer_->put(*record, {"test", "a change"});
    ASSERT_TRUE(put) << put.status().message();
  }

  // A topic page whose English text is `markdown`.
  void add_topic(const std::string& id, const std::string& key, const std::string& markdown) {
    Record r;
    r.id = id;
    Topic topic;
    topic.key = key;
    topic.title.en = key;
    topic.text.en = markdown;
    r.body = std::move(topic);
    auto put = writer_->put(r, {"test", "a topic"});
    ASSERT_TRUE(put) << put.status().message();
  }

  // `state` written to `path` and read back.
  static MirrorState written_and_read(const MirrorState& state, const fs::path& path) {
    EXPECT_TRUE(write_mirror_state(path, state).is_ok());
    auto read = read_mirror_state(path);
    EXPECT_TRUE(read) << read.status().message();
    return read ? std::move(*read) : MirrorState{};
  }

  // Every page of `read` says what the same page of `written` does.
  static void same_pages(const MirrorState& read, const MirrorState& written) {
    ASSERT_EQ(read.pages.size(), written.pages.size());
    for (std::size_t i = 0; i < read.pages.size(); ++i) {
      const auto &a = read.pages[i], &b = written.pages[i];
      EXPECT_EQ(a.url, b.url);
      EXPECT_EQ(a.file, b.file);
      EXPECT_EQ(a.reads, b.reads) << a.file;
      EXPECT_EQ(a.today, b.today) << a.file;
      EXPECT_EQ(a.links, b.links) << a.file;
      EXPECT_EQ(a.outside, b.outside) << a.file;
      EXPECT_EQ(a.size, b.size) << a.file;
      EXPECT_EQ(a.blake2b, b.blake2b) << a.file;
    }
  }

  // The incremental mirror holds the very files the full one does, each as its manifest says.
  void same_files(const std::string& incremental, const MirrorReport& a, const MirrorReport& b) {
    ASSERT_EQ(a.files.size(), b.files.size());
    for (std::size_t i = 0; i < a.files.size(); ++i) {
      ASSERT_EQ(a.files[i].path, b.files[i].path);
      EXPECT_EQ(a.files[i].blake2b, b.files[i].blake2b) << a.files[i].path;
      EXPECT_EQ(blake2b(slurp(dir_ / incremental / a.files[i].path)), a.files[i].blake2b)
          << a.files[i].path;
    }
  }

  fs::path dir_;
  std::string db_;
  std::unique_ptr<store::Store> writer_;
  std::unique_ptr<Site> site_;
  std::unique_ptr<ReaderPool> readers_;
};

TEST_F(MirrorIncrementalTest, EachChangeGivesTheFullExportsBytesWithFewerPagesRendered) {
  MirrorReport earlier = publish("m0", kDay);
  EXPECT_EQ(earlier.reused, 0u);
  EXPECT_NE(earlier.rendered_all_because, "");
  ASSERT_GT(earlier.state.pages.size(), 100u);

  struct Step {
    const char* what;
    std::function<void()> apply;
    // Whether the links of the pages taken had to be followed after all (absent: either).
    std::optional<bool> swept = std::nullopt;
  };
  const std::vector<Step> steps = {
      {"a person renamed",
       [&] {
         change("p0000000nc2", [](Record& r) { std::get<Person>(r.body).name.en = "Renamed"; });
       },
       false},
      {"a public person hidden",
       [&] { change("p0000000nc1", [](Record& r) { r.visibility = "restricted"; }); }, true},
      {"a person taken off the case: its page stays, as every record's does",
       [&] { change("c0000000nc1", [](Record& r) { std::get<Case>(r.body).persons.pop_back(); }); },
       false},
      {"a new person raised in the dialogue round",
       [&] {
         Record r;
         r.body = Person{};
         std::get<Person>(r.body).name.en = "Newly Raised";
         std::get<Person>(r.body).status = "detained";
         Link raised;
         raised.type = "raised_in";
         raised.target = "e0000000nc1";
         r.links.push_back(raised);
         auto put = writer_->put(r, {"test", "a new record"});
         ASSERT_TRUE(put) << put.status().message();
       }},
      {"a hidden person made public",
       [&] {
         change("p0000000nc3", [](Record& r) {
           r.visibility = "public";
           std::get<Person>(r.body).name.en = "Now Public";
         });
       }},
      {"the dialogue round hidden: its prisoner list and its files go",
       [&] { change("e0000000nc1", [](Record& r) { r.visibility = "restricted"; }); }, true}};
  int n = 0;
  for (const auto& step : steps) {
    SCOPED_TRACE(step.what);
    step.apply();
    ++n;
    const std::string name = "m" + std::to_string(n);
    MirrorReport incremental = publish(name, kDay, "m" + std::to_string(n - 1), &earlier.state);
    MirrorReport full = publish(name + "-full", kDay);
    same_files(name, incremental, full);
    EXPECT_EQ(incremental.rendered_all_because, "");
    EXPECT_GT(incremental.reused, 0u);
    EXPECT_GT(incremental.pages, 0u);
    EXPECT_LT(incremental.pages, full.pages / 2);
    EXPECT_EQ(incremental.reused + incremental.pages, full.pages);
    EXPECT_EQ(incremental.broken, full.broken);
    // The pages taken and those rendered, in one order by file, as a full export has them.
    ASSERT_EQ(incremental.state.pages.size(), full.state.pages.size());
    for (std::size_t i = 0; i < full.state.pages.size(); ++i)
      ASSERT_EQ(incremental.state.pages[i].file, full.state.pages[i].file) << i;
    if (step.swept) {
      EXPECT_EQ(incremental.swept, *step.swept);
    }
    earlier = std::move(incremental);
  }
  // Hidden since step 2: no file of the last incremental mirror still shows it.
  for (const auto& f : earlier.files) {
    std::string bytes = slurp(dir_ / ("m" + std::to_string(n)) / f.path);
    EXPECT_EQ(bytes.find("第一人"), std::string::npos) << f.path;
    EXPECT_EQ(bytes.find("p0000000nc1"), std::string::npos) << f.path;
  }
  EXPECT_FALSE(fs::exists(dir_ / ("m" + std::to_string(n)) / "en/persons/p0000000nc1.html"));
  EXPECT_TRUE(fs::exists(dir_ / ("m" + std::to_string(n)) / "en/persons/p0000000nc3.html"));

  {
    SCOPED_TRACE("nothing changed: nothing is rendered");
    MirrorReport again = publish("same", kDay, "m" + std::to_string(n), &earlier.state);
    EXPECT_EQ(again.pages, 0u);
    same_files("same", again, earlier);
  }
  {
    SCOPED_TRACE("the next day: only the pages that count to today are rendered");
    MirrorReport next = publish("next-day", kDay + hours(24), "same", &earlier.state);
    MirrorReport full = publish("next-day-full", kDay + hours(24));
    same_files("next-day", next, full);
    EXPECT_GT(next.pages, 0u);
    EXPECT_LT(next.pages, full.pages / 2);
  }
}

// Every file under `dir`, relative and sorted.
std::vector<std::string> files_under(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (!e.is_directory()) out.push_back(fs::relative(e.path(), dir).generic_string());
  std::sort(out.begin(), out.end());
  return out;
}

// An export that takes pages without following their links follows them all once a page
// rendered again is gone, and removes a page that nothing links to any more.
TEST_F(MirrorIncrementalTest, APageLinkedFromNowhereIsRemovedWhenLinksAreFollowedAgain) {
  MirrorReport first = publish("m0", kDay);
  // An earlier page that no change reaches and nothing links to, as if the last link to it
  // had been dropped.
  MirrorState state = first.state;
  auto released = std::find_if(state.pages.begin(), state.pages.end(), [](const auto& p) {
    return p.file == "en/persons/p0000000110.html";
  });
  ASSERT_NE(released, state.pages.end());
  MirrorPageState orphan = *released;
  StringPool& pool = *state.strings;
  orphan.url = PooledString(pool, "/en/persons/p0000000zz9");
  orphan.file = PooledString(pool, "en/persons/p0000000zz9.html");
  orphan.reads = {};
  orphan.outside = PooledStrings(pool, {"https://example.org/only-on-the-orphan"});
  fs::copy_file(dir_ / "m0" / released->file.view(), dir_ / "m0" / orphan.file.view());
  state.pages.push_back(orphan);

  change("p0000000nc2", [](Record& r) { std::get<Person>(r.body).name.en = "Renamed"; });
  MirrorReport renamed = publish("m1", kDay, "m0", &state);
  EXPECT_FALSE(renamed.swept);
  EXPECT_TRUE(fs::exists(dir_ / "m1" / orphan.file.view()));  // taken: nothing says it is gone
  EXPECT_EQ(std::count(renamed.outside.begin(), renamed.outside.end(), orphan.outside[0]), 1);

  // The calendar drops its link to the round's prisoner list, which is no record's page.
  change("e0000000nc1", [](Record& r) { r.visibility = "restricted"; });
  MirrorReport hidden = publish("m2", kDay, "m1", &renamed.state);
  EXPECT_TRUE(hidden.swept);
  EXPECT_FALSE(fs::exists(dir_ / "m2" / orphan.file.view()));
  EXPECT_FALSE(fs::exists(dir_ / "m2/en/opportunities/e0000000nc1.html"));
  MirrorReport full = publish("m2-full", kDay);
  same_files("m2", hidden, full);
  EXPECT_EQ(hidden.reused + hidden.pages, full.pages);
  EXPECT_EQ(hidden.written + hidden.kept, full.files.size());
  EXPECT_EQ(hidden.removed, 0u);  // m2 was made afresh: the orphan it took was never there
  EXPECT_EQ(hidden.bytes, full.bytes);
  EXPECT_EQ(hidden.outside, full.outside);

  // The same export made in a copy of m1, as publish updates an older mirror: the orphan was
  // there already (kept, then not), and is removed with the files full lacks.
  fs::copy(dir_ / "m1", dir_ / "m1-copy", fs::copy_options::recursive);
  MirrorOptions o;
  o.out = dir_ / "m1-copy";
  o.out_holds = renamed.files;
  o.now = kDay;
  o.previous_dir = dir_ / "m1";
  MirrorState taken_from = renamed.state;
  o.previous_state = &taken_from;
  auto in_place = export_mirror(*site_, *readers_, o);
  ASSERT_TRUE(in_place) << in_place.status().message();
  EXPECT_TRUE(in_place->swept);
  same_files("m1-copy", *in_place, full);
  EXPECT_EQ(files_under(dir_ / "m1-copy"), files_under(dir_ / "m2-full"));
  EXPECT_EQ(in_place->written + in_place->kept, full.files.size());
  EXPECT_GT(in_place->kept, in_place->written);
  std::set<std::string> lacked;
  for (const auto& f : renamed.files) lacked.insert(f.path);
  for (const auto& f : full.files) lacked.erase(f.path);
  EXPECT_TRUE(lacked.contains(orphan.file.str()));
  EXPECT_EQ(in_place->removed, lacked.size());
  EXPECT_EQ(in_place->outside, full.outside);
}

// A link written in Markdown reads nothing: the page that holds it is taken unchanged when
// the record it leads to is hidden, and the link is found broken all the same.
TEST_F(MirrorIncrementalTest, ALinkInMarkdownToARecordHiddenSinceIsReportedBroken) {
  add_topic("t0000000nc2", "who", "See [her](/en/persons/p0000000nc2).");
  MirrorReport first = publish("m0", kDay);
  EXPECT_TRUE(first.broken.empty()) << first.broken.front();
  // Only the page gone can call for the sweep: as if no page but the topic had linked to it,
  // so none rendered again drops a link to it.
  MirrorState state = first.state;
  for (auto& page : state.pages) {
    if (page.file.view().find("/topics/t0000000nc2") != std::string::npos) continue;
    std::vector<std::string> links;
    for (auto link : page.links)
      if (!link.ends_with("/persons/p0000000nc2")) links.emplace_back(link);
    page.links = PooledStrings(*state.strings, links);
  }

  change("p0000000nc2", [](Record& r) { r.visibility = "restricted"; });
  MirrorReport hidden = publish("m1", kDay, "m0", &state);
  MirrorReport full = publish("m1-full", kDay);
  EXPECT_TRUE(hidden.swept);
  const std::vector<std::string> broken = {
      "en/persons/p0000000nc2.html: /en/persons/p0000000nc2 answers 404"};
  EXPECT_EQ(full.broken, broken);
  EXPECT_EQ(hidden.broken, full.broken);
  same_files("m1", hidden, full);
  EXPECT_EQ(hidden.written + hidden.kept, full.files.size());
}

// The thread that takes the earlier export's pages stops the export when it cannot put one in
// place, and the render threads stop with it.
TEST_F(MirrorIncrementalTest, APageThatCannotBeTakenStopsTheExport) {
  MirrorReport first = publish("m0", kDay);
  // `out` holds a file where a folder of the earlier pages must go.
  fs::create_directories(dir_ / "m1");
  std::ofstream(dir_ / "m1/en") << "in the way";
  const std::vector<MirrorFile> holds = {{"en", 10, blake2b("in the way")}};
  MirrorOptions o;
  o.out = dir_ / "m1";
  o.out_holds = holds;
  o.now = kDay;
  o.previous_dir = dir_ / "m0";
  MirrorState taken_from = first.state;
  o.previous_state = &taken_from;
  auto report = export_mirror(*site_, *readers_, o);
  ASSERT_FALSE(report);
  EXPECT_EQ(report.status().code(), Code::kIo) << report.status().message();
  EXPECT_NE(report.status().message().find("m1/en"), std::string::npos)
      << report.status().message();
}

// A link that answers no page is reported by every export, though the page that holds it is
// taken unchanged and its links are not followed; and no more once the page drops it.
TEST_F(MirrorIncrementalTest, ABrokenLinkOnAPageTakenUnchangedIsStillReported) {
  add_topic("t0000000nc1", "gone", "See [who](/en/persons/p0000000zz8).");
  MirrorReport first = publish("m0", kDay);
  const std::vector<std::string> broken = {
      "en/persons/p0000000zz8.html: /en/persons/p0000000zz8 answers 404"};
  EXPECT_EQ(first.broken, broken);
  EXPECT_EQ(first.state.broken_links, std::vector<std::string>{"/en/persons/p0000000zz8"});

  change("p0000000nc2", [](Record& r) { std::get<Person>(r.body).name.en = "Renamed"; });
  const MirrorState read = written_and_read(first.state, dir_ / "m0.publish-state");
  EXPECT_EQ(read.broken_links, first.state.broken_links);
  MirrorState taken_from = read;
  MirrorReport renamed = publish("m1", kDay, "m0", &taken_from);
  EXPECT_FALSE(renamed.swept);
  EXPECT_EQ(renamed.broken, broken);

  change("t0000000nc1", [](Record& r) { std::get<Topic>(r.body).text.en = "No link."; });
  MirrorReport dropped = publish("m2", kDay, "m1", &renamed.state);
  EXPECT_TRUE(dropped.swept);
  EXPECT_TRUE(dropped.broken.empty()) << dropped.broken.front();
  EXPECT_TRUE(dropped.state.broken_links.empty());
  same_files("m2", dropped, publish("m2-full", kDay));
}

TEST_F(MirrorIncrementalTest, AnOlderMirrorInTheFolderIsUpdatedWithoutTouchingTheCurrentOne) {
  // Three generations, as publish keeps them: the older mirror, the current one made from it
  // after one change (sharing its unchanged files as hard links), and the next made by
  // updating the older one after another change.
  MirrorReport older = publish("older", kDay);
  change("p0000000nc2", [](Record& r) { std::get<Person>(r.body).name.en = "Renamed"; });
  MirrorReport current = publish("current", kDay, "older", &older.state);
  change("p0000000120", [](Record& r) { std::get<Person>(r.body).name.en = "Renamed too"; });
  change("p0000000121", [](Record& r) { r.visibility = "restricted"; });
  // A file no change reaches that the older mirror lists but no longer holds: left out of
  // what `out` holds, as mirror::start_staging leaves it out.
  fs::remove(dir_ / "older/static/site.css");

  MirrorOptions o;
  o.out = dir_ / "older";
  for (const auto& f : older.files)
    if (f.path != "static/site.css") o.out_holds.push_back(f);
  o.now = kDay;
  o.previous_dir = dir_ / "current";
  o.previous_state = &current.state;
  auto updated = export_mirror(*site_, *readers_, o);
  ASSERT_TRUE(updated) << updated.status().message();
  MirrorReport full = publish("full", kDay);
  same_files("older", *updated, full);
  std::vector<std::string> expected;
  for (const auto& f : full.files) expected.push_back(f.path);
  EXPECT_EQ(files_under(dir_ / "older"), expected);  // nothing stale, nothing half-written

  // Only the files whose bytes differ were written or linked; the hidden person's pages were
  // removed.
  std::size_t differ = 0, gone = 0;
  for (const auto& f : full.files) {
    auto it = std::find_if(older.files.begin(), older.files.end(),
                           [&](const MirrorFile& c) { return c.path == f.path; });
    differ += it == older.files.end() || it->blake2b != f.blake2b;
  }
  for (const auto& f : older.files)
    gone += !std::binary_search(expected.begin(), expected.end(), f.path);
  EXPECT_GT(differ, 0u);
  EXPECT_EQ(updated->written, differ + 1);  // and the file not held
  EXPECT_EQ(updated->kept, full.files.size() - differ - 1);
  EXPECT_EQ(updated->removed, gone);
  EXPECT_EQ(gone, 3u);  // the hidden person's page in each language
  // The first change's page, which the second did not reach, is the current mirror's file.
  EXPECT_TRUE(fs::equivalent(dir_ / "older/en/persons/p0000000nc2.html",
                             dir_ / "current/en/persons/p0000000nc2.html"));

  // The current mirror, whose files the older one shared, is as it was.
  for (const auto& f : current.files)
    EXPECT_EQ(blake2b(slurp(dir_ / "current" / f.path)), f.blake2b) << f.path;
}

TEST_F(MirrorIncrementalTest, ListsReadOnceForAnExportGiveWhatTheDatabaseGives) {
  constexpr auto kWholeList = std::numeric_limits<std::int64_t>::max();  // as each_public asks
  change("p0000000125", [](Record& r) { std::get<Person>(r.body).status = "detained"; });
  SharedRecords records(1000);
  SharedLists lists;
  auto lease = readers_->acquire();
  ASSERT_TRUE(lease);
  auto opened = ReadsRecordingStore::open(std::move(*lease), records, lists);
  ASSERT_TRUE(opened);
  store::Store& once = **opened;
  auto direct = readers_->acquire();
  ASSERT_TRUE(direct);
  auto ids = [](const store::ListPage& p) {
    std::vector<std::string> out;
    for (const auto& r : p.records) out.push_back(r.id);
    return out;
  };
  for (auto order : {store::ListQuery::Order::kSlug, store::ListQuery::Order::kRecentlyUpdated})
    for (const auto& filters : {std::vector<Facet>{}, std::vector<Facet>{{"status", "detained"}}})
      for (std::int64_t offset : {0, 7, 30, 40})
        for (std::int64_t limit : {std::int64_t{5}, std::int64_t{50}, kWholeList}) {
          store::ListQuery q{"person", filters, order, offset, limit};
          auto a = once.list_public(q);
          auto b = (*direct)->list_public(q);
          ASSERT_TRUE(a && b);
          EXPECT_EQ(a->total, b->total);
          EXPECT_EQ(ids(*a), ids(*b)) << offset << " " << limit << " " << filters.size();
          // The ids alone are the same, and noted as the list is: any change moves a record
          // to the top of a list by latest change.
          PageReads reads;
          {
            RecordPageReads recording(reads);
            auto only_ids = once.list_public_ids(q);
            ASSERT_TRUE(only_ids);
            EXPECT_EQ(*only_ids, ids(*b));
          }
          reads.finish();
          const bool by_change = order == store::ListQuery::Order::kRecentlyUpdated;
          EXPECT_EQ(reads.keys, std::vector<std::string>{by_change ? "u:person" : "k:person"});
        }
  for (const auto& filters : {std::vector<Facet>{}, std::vector<Facet>{{"status", "detained"}}}) {
    auto a = once.facet_counts("person", "status", filters);
    auto b = (*direct)->facet_counts("person", "status", filters);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(*a, *b);
    EXPECT_FALSE(a->empty());
  }

  // It holds one state of the database: a later change is not seen through it.
  auto before = once.last_change();
  ASSERT_TRUE(before);
  change("p0000000126", [](Record& r) { std::get<Person>(r.body).name.en = "Changed later"; });
  auto after = (*direct)->last_change();
  auto still = once.last_change();
  auto held = once.get("p0000000126");
  ASSERT_TRUE(after && still && held);
  EXPECT_GT(*after, *before);
  EXPECT_EQ(*still, *before);
  EXPECT_NE(std::get<Person>(held->body).name.en, "Changed later");

  // Given back to its pool, the reader sees the change, and can hold a snapshot again.
  opened->reset();
  auto again = readers_->acquire();
  ASSERT_TRUE(again);
  auto now = (*again)->get("p0000000126");
  ASSERT_TRUE(now);
  EXPECT_EQ(std::get<Person>(now->body).name.en, "Changed later");
  EXPECT_TRUE((*again)->hold_snapshot().is_ok());
  (*again)->release_snapshot();
}

TEST_F(MirrorIncrementalTest, OnlyAChangeThatCanMoveARecordReachesTheLists) {
  auto head = writer_->last_change();
  ASSERT_TRUE(head);
  auto hash = revision_hash(*writer_, *head);
  ASSERT_TRUE(hash);
  ASSERT_EQ(hash->size(), 64u);

  // A name: the pages that show the person (a list noted the ids it showed), not every list.
  change("p0000000nc2", [](Record& r) { std::get<Person>(r.body).name.en = "Renamed"; });
  auto renamed = changed_reads(*writer_, *head, *hash);
  ASSERT_TRUE(renamed && *renamed);
  for (const char* key : {"r:p0000000nc2", "u:person", "u:*"})
    EXPECT_TRUE((*renamed)->contains(key)) << key;
  for (const char* key : {"k:person", "k:*", "r:p0000000nc1"})
    EXPECT_FALSE((*renamed)->contains(key)) << key;

  // Visibility (or a slug, or a facet such as the status): which records a list holds.
  change("p0000000nc1", [](Record& r) { r.visibility = "restricted"; });
  auto hidden = changed_reads(*writer_, *head, *hash);
  ASSERT_TRUE(hidden && *hidden);
  for (const char* key : {"r:p0000000nc1", "r:p0000000nc2", "k:person", "k:*", "to:e0000000nc1"})
    EXPECT_TRUE((*hidden)->contains(key)) << key;

  // Not this database's history: nothing can be taken.
  auto other = changed_reads(*writer_, *head, std::string(64, '0'));
  ASSERT_TRUE(other);
  EXPECT_FALSE(*other);

  // The list of persons noted both what it holds and each person it shows.
  MirrorReport report = publish("m0", kDay);
  bool list_seen = false;
  for (const auto& page : report.state.pages) {
    if (page.file != "en/persons/index.html") continue;
    list_seen = true;
    auto has = [&](const std::string& key) {
      return std::binary_search(page.reads.begin(), page.reads.end(), key);
    };
    EXPECT_TRUE(has("k:person"));
    EXPECT_TRUE(has("r:p0000000nc2"));
    EXPECT_FALSE(has("r:p0000000nc1"));  // hidden now
  }
  EXPECT_TRUE(list_seen);
}

TEST_F(MirrorIncrementalTest, RendersEverythingWhenTheEarlierStateCannotBeTrusted) {
  MirrorReport first = publish("m0", kDay);
  MirrorState other_database = first.state;
  other_database.head_hash = std::string(64, '0');
  MirrorReport a = publish("a", kDay, "m0", &other_database);
  EXPECT_EQ(a.reused, 0u);
  EXPECT_NE(a.rendered_all_because.find("database"), std::string::npos);

  MirrorState other_program = first.state;
  other_program.renderer = "another build";
  MirrorReport b = publish("b", kDay, "m0", &other_program);
  EXPECT_EQ(b.reused, 0u);
  EXPECT_NE(b.rendered_all_because.find("program"), std::string::npos);

  MirrorState twice = first.state;
  twice.pages.push_back(twice.pages.front());
  MirrorReport t = publish("t", kDay, "m0", &twice);
  EXPECT_EQ(t.reused, 0u);
  EXPECT_NE(t.rendered_all_because.find(twice.pages.front().file.str() + " twice"),
            std::string::npos)
      << t.rendered_all_because;
  same_files("t", t, first);
  same_pages(written_and_read(t.state, dir_ / "t.publish-state"), t.state);  // its own pool

  // A state whose pages are of another state's pool is not built on either.
  MirrorState mixed = first.state;
  mixed.strings = std::make_shared<StringPool>();
  MirrorReport m = publish("mixed", kDay, "m0", &mixed);
  EXPECT_EQ(m.reused, 0u);
  EXPECT_NE(m.rendered_all_because.find("pages of another state"), std::string::npos)
      << m.rendered_all_because;
  same_files("mixed", m, first);

  // A file of the earlier mirror gone: that page is rendered, the rest taken.
  fs::remove(dir_ / "m0/en/persons/p0000000nc2.html");
  MirrorReport c = publish("c", kDay, "m0", &first.state);
  EXPECT_EQ(c.pages, 1u);
  same_files("c", c, first);
  // And one cut short: both are rendered, not linked as they are.
  std::ofstream(dir_ / "m0/en/persons/p0000000nc1.html", std::ios::trunc) << "cut";
  MirrorReport d = publish("d", kDay, "m0", &first.state);
  EXPECT_EQ(d.pages, 2u);
  same_files("d", d, first);
}

// The pages without a record render while the records are read: a record that cannot be
// read fails the export, and the threads already rendering stop with it.
TEST_F(MirrorIncrementalTest, ARecordThatCannotBeReadStopsTheExportAndItsThreads) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, "UPDATE records SET body = '{' WHERE id = 'p0000000125'", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  MirrorOptions o;
  o.out = dir_ / "broken";
  o.now = kDay;
  auto report = export_mirror(*site_, *readers_, o);
  ASSERT_FALSE(report);
  EXPECT_EQ(report.status().code(), Code::kCorrupt) << report.status().message();
}

TEST_F(MirrorIncrementalTest, TheStateIsKeptBesideTheMirrorAndReadBack) {
  MirrorReport first = publish("m0", kDay);
  const fs::path path = mirror_state_path(dir_ / "m0/");
  EXPECT_EQ(path, dir_ / "m0.publish-state");
  const MirrorState read = written_and_read(first.state, path);
  EXPECT_EQ(read.renderer, first.state.renderer);
  EXPECT_EQ(read.generation, first.state.generation);
  EXPECT_EQ(read.head_hash, first.state.head_hash);
  EXPECT_EQ(read.day, first.state.day);
  same_pages(read, first.state);
  // Reads include ids of records that are not public: the state is not in the mirror.
  bool hidden_read = false;
  for (const auto& p : first.state.pages)
    for (const auto& k : p.reads) hidden_read |= k == "r:p0000000nc3";
  EXPECT_TRUE(hidden_read);

  // Each string is written once: the navigation every page links to is not repeated.
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text.find("\t/en/about\n"), text.rfind("\t/en/about\n"));

  // A bad line is named by its number, whatever is wrong with it.
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  for (const std::string& bad_line :
       std::vector<std::string>{"{\"url\": 1}", "p\t0\t1", "p\t0\t1\t3\tnot-hex\t0\t\t\t",
                                "p\t0\t1\t3\t" + std::string(64, 'a') + "\t1\t99999999\t\t",
                                "p\t0\t1\t3\t" + std::string(64, 'a') + "\t1\t\t\t\textra",
                                "n\t1" /* a line of format 4 */}) {
    std::ofstream(path) << text << bad_line << "\n";
    auto bad = read_mirror_state(path);
    ASSERT_FALSE(bad) << bad_line;
    EXPECT_NE(bad.status().message().find(", line " + std::to_string(lines + 1) + ": "),
              std::string::npos)
        << bad.status().message();
  }
}

// Only the strings the pages name are written, each once, numbered in the order written,
// however many the pool holds: strings of pages rendered again and of other states.
TEST_F(MirrorIncrementalTest, AStateWritesEachStringItsPagesNameOnceAndNoOther) {
  MirrorState state{"r", 7, "h", 20000, {}};
  StringPool& pool = *state.strings;
  for (int i = 0; i < 5; ++i) pool.intern("left over " + std::to_string(i));
  MirrorPageState a{.url = PooledString(pool, "/en/a"),
                    .file = PooledString(pool, "en/a.html"),
                    .reads = PooledStrings(pool, {"r:p1"}),
                    .links = PooledStrings(pool, {"/en/b", "/en/"})};
  MirrorPageState b{.url = PooledString(pool, "/en/b"),
                    .file = PooledString(pool, "en/b.html"),
                    .reads = PooledStrings(pool, {"r:p1", "r:p2"}),
                    .links = PooledStrings(pool, {"/en/a"})};
  state.pages = {a, b};
  const fs::path path = dir_ / "s.publish-state";
  ASSERT_TRUE(write_mirror_state(path, state).is_ok());
  const std::string text = slurp(path);
  EXPECT_EQ(text.find("left over"), std::string::npos);
  const std::vector<std::string> strings = {"/en/a", "en/a.html", "r:p1", "/en/b",
                                            "/en/",  "en/b.html", "r:p2"};
  std::string lines;
  for (const auto& line : strings) lines += "s\t" + line + "\n";
  std::string written;  // the "s" lines, in order
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.starts_with("s\t")) written += line + "\n";
  EXPECT_EQ(written, lines);
  EXPECT_NE(text.find("p\t3\t5\t0\t"), std::string::npos) << text;  // b, by its numbers here

  auto read = read_mirror_state(path);
  ASSERT_TRUE(read) << read.status().message();
  same_pages(*read, state);
  EXPECT_EQ(read->strings->size(), strings.size());
}

// A page whose strings are of another pool cannot be numbered: nothing is written.
TEST_F(MirrorIncrementalTest, APageOfAnotherStatesPoolIsNotWritten) {
  MirrorState state{"r", 7, "h", 20000, {}};
  StringPool other;
  state.pages = {MirrorPageState{.url = PooledString(other, "/en/a"),
                                 .file = PooledString(other, "en/a.html")}};
  const fs::path path = dir_ / "s.publish-state";
  Status s = write_mirror_state(path, state);
  EXPECT_EQ(s.code(), Code::kInternal);
  EXPECT_NE(s.message().find("en/a.html"), std::string::npos) << s.message();
  EXPECT_FALSE(fs::exists(path));
  EXPECT_FALSE(fs::exists(path.string() + ".partial"));
}

// Publishes chained through the state file, each building on the one before: the
// state read back says what the export reported, and a mirror made from it is the full one.
TEST_F(MirrorIncrementalTest, ExportsChainedThroughTheStateFileGiveTheFullExportsBytes) {
  MirrorReport first = publish("m0", kDay);
  const fs::path s0 = dir_ / "s0", s1 = dir_ / "s1";
  const MirrorState r0 = written_and_read(first.state, s0);

  change("p0000000nc2", [](Record& r) { std::get<Person>(r.body).name.en = "Renamed"; });
  MirrorReport second = publish("m1", kDay, "m0", &r0);
  EXPECT_GT(second.reused, 100u);
  EXPECT_GT(second.pages, 0u);
  const MirrorState r1 = written_and_read(second.state, s1);
  same_pages(r1, second.state);

  MirrorReport third = publish("m2", kDay, "m1", &r1);
  EXPECT_EQ(third.pages, 0u);
  MirrorReport full = publish("full", kDay);
  same_files("m2", third, full);
}

// The state of an earlier format is refused at its header (publish then renders every page).
TEST_F(MirrorIncrementalTest, AStateOfAnotherFormatIsRefused) {
  const fs::path path = dir_ / "s.publish-state";
  std::ofstream(path) << R"({"format":4,"renderer":"r","generation":7,"head_hash":"h","day":1})"
                      << "\nn\t0\n";
  auto bad = read_mirror_state(path);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.status().message().find(", line 1: not the header of a publish state (format 5)"),
            std::string::npos)
      << bad.status().message();
}

TEST_F(MirrorIncrementalTest, TheStateKeepsAnyStringAsItWas) {
  MirrorState state{"r", 7, "h", 20000, {}};
  StringPool& pool = *state.strings;
  MirrorPageState page{.url = PooledString(pool, "/en/a"),
                       .file = PooledString(pool, "en/a.html"),
                       .reads = PooledStrings(pool, {"r:p1", "a\\b\nc\td,e f", ""}),
                       .today = true,
                       .links = PooledStrings(pool, {"/en/", "a\\b\nc\td,e f", "/en/"}),
                       .outside = PooledStrings(pool, {"/en/persons/?status=detained", "/en/"})};
  page.size = 12;
  page.blake2b[0] = 0xab;
  state.pages = {page, MirrorPageState{.url = PooledString(pool, "/en/b"),
                                       .file = PooledString(pool, "en/b.html")}};
  const fs::path path = dir_ / "s.publish-state";
  ASSERT_TRUE(write_mirror_state(path, state).is_ok());
  auto read = read_mirror_state(path);
  ASSERT_TRUE(read) << read.status().message();
  ASSERT_EQ(read->pages.size(), 2u);
  EXPECT_EQ(read->pages[0].reads, page.reads);
  EXPECT_EQ(read->pages[0].links, page.links);
  EXPECT_EQ(read->pages[0].outside, page.outside);
  EXPECT_EQ(read->pages[0].blake2b, page.blake2b);
  EXPECT_TRUE(read->pages[0].today);
  EXPECT_EQ(read->pages[1].url, "/en/b");
  EXPECT_TRUE(read->pages[1].reads.empty() && read->pages[1].links.empty());
  EXPECT_FALSE(read->pages[1].today);
}

}  // namespace
}  // namespace jz::web
