// Who goes on a prisoner list, and with what priority: facts from public records only, links
// to an opportunity directly or through a case, suggestions when no one is linked, and the
// CSV and JSON exports.
#include "publish/prisoner_list.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "exchange/import.hpp"
#include "i18n/script_converter.hpp"
#include "publish/prisoner_export.hpp"

namespace jz::publish {
namespace {

namespace fs = std::filesystem;

// Ill Ma (health public), Hidden Health (health confidential), Old Wu (born 1950, a case
// linked to the dialogue, detained 2019-01-10 without a verdict), Released Li (linked, but
// released), Secret Sun (a restricted person linked to the dialogue).
constexpr const char* kRecords = R"(
{"id":"e0000000d01","kind":"event","body":{"type":"dialogue_round","date":"2030-06-01","title":{"zh":"对话","en":"Dialogue"}}}
{"id":"e0000000d02","kind":"event","body":{"type":"state_visit","date":"2010-03-01","title":{"en":"Old visit"}}}
{"id":"p0000000a01","kind":"person","body":{"name":{"zh":"马病","en":"Ill Ma"},"status":"detained","health":{"en":"Heart disease"}},"links":[{"type":"raised_in","target":"e0000000d01"}]}
{"id":"p0000000a02","kind":"person","confidential":["/body/health"],"body":{"name":{"en":"Hidden Health"},"status":"detained","health":{"en":"CANARY-HEALTH"}}}
{"id":"p0000000a03","kind":"person","body":{"name":{"zh":"吴老","en":"Old Wu"},"status":"detained","born":"1950-02-01"}}
{"id":"c0000000a03","kind":"case","body":{"title":{"en":"Wu's case"},"persons":["p0000000a03"],"charges":[{"name":{"zh":"寻衅滋事罪","en":"Picking quarrels"},"law":"criminal_law","article":"293"}]},"links":[{"type":"raised_in","target":"e0000000d01"}]}
{"id":"e0000000a03","kind":"event","body":{"type":"criminal_detention","date":"2019-01-10","case":"c0000000a03","persons":["p0000000a03"]}}
{"id":"p0000000a04","kind":"person","body":{"name":{"en":"Released Li"},"status":"released"},"links":[{"type":"raised_in","target":"e0000000d01"}]}
{"id":"p0000000a05","kind":"person","visibility":"restricted","body":{"name":{"en":"CANARY-SECRET"},"status":"detained"},"links":[{"type":"raised_in","target":"e0000000d01"}]}
)";

class PrisonerListTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("jz-prisoners-" + std::to_string(std::random_device()())));
    fs::create_directories(*dir_);
    std::ofstream(*dir_ / "r.jsonl") << kRecords;
    auto store = store::open_sqlite((*dir_ / "db").string(), {.create = true});
    ASSERT_TRUE(store) << store.status().message();
    exchange::ImportOptions options;
    options.author = "test";
    auto done = exchange::import_jsonl(**store, (*dir_ / "r.jsonl").string(), options);
    ASSERT_TRUE(done) << done.status().message();
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  void SetUp() override {
    auto s = store::open_sqlite((*dir_ / "db").string());
    ASSERT_TRUE(s);
    store_ = std::move(*s);
    auto v = store::public_oracle(*store_);
    ASSERT_TRUE(v);
    visible_ = std::move(*v);
    // 2026-11-23 noon in China.
    options_.now =
        monitor::start_of(std::chrono::sys_days(std::chrono::year{2026} / 11 / 23)) + 720;
  }
  static fs::path* dir_;
  std::unique_ptr<store::Store> store_;
  IsPublic visible_;
  PrisonerOptions options_;
};
fs::path* PrisonerListTest::dir_ = nullptr;

const Prisoner* find(const std::vector<Prisoner>& list, const std::string& id) {
  for (const auto& p : list)
    if (p.person.id == id) return &p;
  return nullptr;
}

TEST_F(PrisonerListTest, FactsComeFromThePublicRecordOnly) {
  auto all = detained_persons(*store_, visible_, options_);
  ASSERT_TRUE(all) << all.status().message();
  ASSERT_EQ(all->size(), 3u);  // not the released, not the restricted
  EXPECT_TRUE(find(*all, "p0000000a01")->facts.ill);
  EXPECT_FALSE(find(*all, "p0000000a02")->facts.ill) << "a confidential health note weighs nothing";
  const auto* wu = find(*all, "p0000000a03");
  EXPECT_EQ(wu->facts.age, 76);
  EXPECT_TRUE(wu->facts.untried);
  EXPECT_EQ(wu->facts.days_held_untried, 2874);    // 2019-01-10 to 2026-11-23
  EXPECT_EQ(wu->facts.days_to_opportunity, 1286);  // more than 90 days away: no points
  // No notice to his family is recorded, and nothing later: the 24-hour limit counts as
  // violated, which is a denial of access.
  EXPECT_EQ(wu->facts.access_denials, 1);
  EXPECT_EQ(wu->pinyin, "wu lao");
  // Highest first: Wu (age 15, without trial 20, denied access 15) before Ma (illness 30).
  EXPECT_EQ(all->front().person.id, "p0000000a03");
  EXPECT_DOUBLE_EQ(all->front().score.total, 50);
}

TEST_F(PrisonerListTest, TheListHoldsThoseLinkedDirectlyOrThroughACase) {
  auto list = prisoner_list(*store_, visible_, "e0000000d01", options_);
  ASSERT_TRUE(list) << list.status().message();
  EXPECT_FALSE(list->suggested);
  ASSERT_EQ(list->prisoners.size(), 2u);  // Wu through his case, Ma directly
  EXPECT_EQ(list->prisoners[0].person.id, "p0000000a03");
  EXPECT_EQ(list->prisoners[1].person.id, "p0000000a01");
  EXPECT_TRUE(list->prisoners[0].chosen);
  // No one linked: the highest priorities, marked as suggested.
  auto old = prisoner_list(*store_, visible_, "e0000000d02", options_, 2);
  ASSERT_TRUE(old);
  EXPECT_TRUE(old->suggested);
  EXPECT_EQ(old->prisoners.size(), 2u);
  EXPECT_FALSE(old->prisoners[0].chosen);
  // Not an opportunity, or not public: not found, saying what is expected.
  auto wrong = prisoner_list(*store_, visible_, "e0000000a03", options_);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.status().code(), Code::kNotFound);
  EXPECT_NE(wrong.status().message().find("dialogue_round, state_visit, un_review"),
            std::string::npos);
}

TEST_F(PrisonerListTest, ExportsAreBilingualAndCarryNothingHidden) {
  auto converter = i18n::ScriptConverter::open();
  ASSERT_TRUE(converter);
  auto messages = i18n::Messages::load(*converter);
  ASSERT_TRUE(messages);
  auto list = prisoner_list(*store_, visible_, "e0000000d01", options_);
  ASSERT_TRUE(list);
  std::string csv = prisoners_csv(*list, *messages);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("\r\np0000000a03,吴老,Old Wu,wu lao,被羁押,Detained,寻衅滋事罪（第293条）,"
                     "Picking quarrels (art. 293),"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("Heart disease"), std::string::npos);
  auto json = nlohmann::json::parse(prisoners_json(*list, *messages));
  EXPECT_EQ(json["opportunity"]["id"], "e0000000d01");
  EXPECT_EQ(json["prisoners"].size(), 2u);
  EXPECT_EQ(json["prisoners"][0]["priority"]["parts"][0]["criterion"], "without_trial");
  for (const std::string& text : {csv, json.dump()}) {
    EXPECT_EQ(text.find("CANARY"), std::string::npos);
  }
}

// The lists are public downloads that advocates open in spreadsheets: a name or note from
// imported data that begins like a formula must stay text.
TEST_F(PrisonerListTest, ACellThatLooksLikeAFormulaStaysText) {
  auto converter = i18n::ScriptConverter::open();
  ASSERT_TRUE(converter);
  auto messages = i18n::Messages::load(*converter);
  ASSERT_TRUE(messages);
  auto ranked = detained_persons(*store_, visible_, options_);
  ASSERT_TRUE(ranked);
  ASSERT_FALSE(ranked->empty());
  auto& who = std::get<Person>((*ranked)[0].person.body);
  who.name.en = "=HYPERLINK(\"http://example.org\",\"x\")";
  who.health.en = "@SUM(1)";
  who.health.zh = "-2+3";
  std::string csv = ranking_csv(*ranked, *messages);
  EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\","), std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",'-2+3,'@SUM(1),"), std::string::npos) << csv;
  EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF") << "the byte order mark is not a cell";
}

}  // namespace
}  // namespace jz::publish
