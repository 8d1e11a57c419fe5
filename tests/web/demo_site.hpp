#pragma once
// The fixture of the in-process site tests: a database with the demo data and a suite's own
// extra records (built once per suite), and per test a Site, a pool of read-only
// connections, a page cache and get(), which answers a GET through dispatch().
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "exchange/import.hpp"
#include "http/path_decode.hpp"
#include "web/routes.hpp"

namespace jz::web {

class DemoSiteTest : public ::testing::Test {
 protected:
  // Call from the suite's SetUpTestSuite / TearDownTestSuite. A failure here is kept and
  // reported by every test's SetUp: an assertion in SetUpTestSuite would make gtest skip the
  // suite, and ctest counts a skipped test as passed.
  static void make_database(const std::string& prefix, const char* extra_jsonl) {
    namespace fs = std::filesystem;
    dir_ =
        new fs::path(fs::temp_directory_path() / (prefix + std::to_string(std::random_device()())));
    fs::create_directories(*dir_);
    db_ = new std::string((*dir_ / "site.db").string());
    setup_error_.clear();
    auto store = store::open_sqlite(*db_, {.create = true});
    if (!store) {
      setup_error_ = "opening the database: " + store.status().message();
      return;
    }
    exchange::ImportOptions options;
    options.author = "test";
    auto demo = exchange::import_jsonl(**store, JZ_DEMO_FILE, options);
    if (!demo) {
      setup_error_ = "importing the demo data: " + demo.status().message();
      return;
    }
    std::ofstream(*dir_ / "extra.jsonl") << extra_jsonl;
    auto extra = exchange::import_jsonl(**store, (*dir_ / "extra.jsonl").string(), options);
    if (!extra) setup_error_ = "importing the suite's extra records: " + extra.status().message();
  }
  static void remove_database() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
    delete db_;
  }

  void SetUp() override {
    ASSERT_EQ(setup_error_, "") << "the suite's database could not be built";
    auto site = Site::load();
    ASSERT_TRUE(site) << site.status().message();
    site_ = std::move(*site);
    open_readers({});
  }

  // Readers whose searches rank and count at most this much.
  void open_readers(store::SearchLimits limits) {
    context_.reset();
    readers_ = std::make_unique<ReaderPool>([limits] {
      store::OpenOptions o;
      o.read_only = true;
      o.search_limits = limits;
      return store::open_sqlite(*db_, std::move(o));
    });
    context_ = std::make_unique<Context>(Context{*site_, *readers_, cache_});
  }

  // GET `target` (percent-encoded as a browser sends it) through dispatch().
  http::Response get(const std::string& target, const std::string& accept_language = "") {
    if (accept_language.empty()) return send("GET", target, {});
    return send("GET", target, {{"accept-language", accept_language}});
  }
  // Any request through dispatch(); header names in lower case, as the server gives them.
  http::Response send(const std::string& method, const std::string& target,
                      std::vector<std::pair<std::string, std::string>> headers,
                      const std::string& body = "") {
    http::Request r;
    r.method = method;
    r.target = target;
    auto decoded = http::detail::decode_target(target);
    EXPECT_TRUE(decoded) << target;
    if (decoded) {
      r.path = decoded->path;
      r.query = decoded->query;
    }
    r.headers = std::move(headers);
    r.body = body;
    return dispatch(r, *context_);
  }

  static inline std::filesystem::path* dir_ = nullptr;
  static inline std::string* db_ = nullptr;
  static inline std::string setup_error_;
  std::unique_ptr<Site> site_;
  std::unique_ptr<ReaderPool> readers_;
  PageCache cache_;
  std::unique_ptr<Context> context_;
};

}  // namespace jz::web
