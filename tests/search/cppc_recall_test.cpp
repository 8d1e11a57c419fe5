// The CPPC list (925 political prisoners, ../shared/realdata/cppc-political-prisoners)
// imported as it would be by a documenter, then searched as readers would: every name by
// its Simplified form, its Traditional form and its toneless pinyin; and recall against
// exact-substring truth for 1-, 2- and 3-character queries drawn from the names.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "exchange/import.hpp"
#include "i18n/script_converter.hpp"
#include "search/pinyin.hpp"
#include "store/store.hpp"

namespace jz {
namespace {

namespace fs = std::filesystem;

class CppcRecall : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("jz-cppc-search-" + std::to_string(std::random_device()())));
    fs::create_directories(*dir_);
    auto s = store::open_sqlite((*dir_ / "t.db").string(), {.create = true});
    ASSERT_TRUE(s) << s.status().message();
    store_ = s->release();
    exchange::ImportOptions options;
    auto report = exchange::import_cppc(
        *store_,
        std::string(JZ_REALDATA) + "/cppc-political-prisoners/chinese-political-prisoners.csv",
        options);
    ASSERT_TRUE(report) << report.status().message();
    ASSERT_TRUE(store_->for_each([](const Record& r) {
      if (r.kind() == "person") names_->emplace(r.id, std::get<Person>(r.body).name.zh);
      return Status::ok();
    }));
  }
  static void TearDownTestSuite() {
    delete store_;
    fs::remove_all(*dir_);
    delete dir_;
  }

  // Every person the query finds (all pages).
  static std::set<std::string> persons(const std::string& text) {
    search::SearchRequest r;
    auto q = search::parse_query(text);
    EXPECT_TRUE(q) << text << ": " << q.status().message();
    r.query = *q;
    r.filters = {{"kind", "person"}};
    r.limit = 2000;
    auto result = store_->search(r);
    EXPECT_TRUE(result) << result.status().message();
    std::set<std::string> out;
    for (const auto& h : result->hits) out.insert(h.id);
    return out;
  }

  static inline fs::path* dir_ = nullptr;
  static inline store::Store* store_ = nullptr;
  static inline auto* names_ = new std::map<std::string, std::string>();  // id -> name
};

TEST_F(CppcRecall, EveryNameInEveryScriptAndInPinyin) {
  ASSERT_GT(names_->size(), 900u);
  auto converter = i18n::ScriptConverter::open();
  ASSERT_TRUE(converter) << converter.status().message();
  int missed = 0;
  for (const auto& [id, name] : *names_) {
    std::string pinyin = search::name_pinyin(name);
    std::string joined = pinyin;
    joined.erase(std::remove(joined.begin(), joined.end(), ' '), joined.end());
    for (const std::string& q : {name, converter->to_traditional(name), pinyin, joined}) {
      if (!persons(q).count(id)) {
        ++missed;
        ADD_FAILURE() << name << " (" << id << ") not found by " << q;
      }
    }
  }
  EXPECT_EQ(missed, 0);
}

TEST_F(CppcRecall, SubstringQueriesFindEveryPersonWhoseNameContainsThem) {
  // The query set: every 1-, 2- and 3-character substring of the runs of characters in 300
  // names drawn with a fixed seed ("Huseyin" in 玉山江•吉力力（HuseyinCelil） is a word, found
  // whole, not by its letters), each with its exact-substring truth over all names.
  std::vector<std::string> all;
  for (const auto& [id, name] : *names_) all.push_back(name);
  std::mt19937 random(20261122);
  std::shuffle(all.begin(), all.end(), random);
  std::set<std::string> queries;
  auto is_ideograph = [](const std::string& s, std::size_t at) {
    auto b = static_cast<unsigned char>(s[at]);
    return at + 3 <= s.size() && b >= 0xE3 && b <= 0xE9;  // U+3000..U+9FFF
  };
  for (std::size_t i = 0; i < 300 && i < all.size(); ++i) {
    const std::string& name = all[i];
    for (std::size_t chars : {1, 2, 3})
      for (std::size_t at = 0; at < name.size(); ++at) {
        bool run = true;
        for (std::size_t k = 0; k < chars && run; ++k) run = is_ideograph(name, at + 3 * k);
        if (run) queries.insert(name.substr(at, 3 * chars));
      }
  }
  ASSERT_GT(queries.size(), 1000u);
  std::size_t expected = 0, found = 0;
  for (const auto& q : queries) {
    std::set<std::string> truth;
    for (const auto& [id, name] : *names_)
      if (name.find(q) != std::string::npos) truth.insert(id);
    auto got = persons(q);
    for (const auto& id : truth) {
      ++expected;
      if (got.count(id))
        ++found;
      else
        ADD_FAILURE() << "\"" << q << "\" missed " << names_->at(id);
    }
  }
  EXPECT_EQ(found, expected);  // recall 100%
  RecordProperty("queries", static_cast<int>(queries.size()));
  RecordProperty("expected_hits", static_cast<int>(expected));
}

}  // namespace
}  // namespace jz
