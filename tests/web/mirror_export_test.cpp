// The static mirror of the demo site: every page there, links that work from any folder,
// nothing hidden in any file, and the same bytes from the same database.
#include "web/mirror_export.hpp"

#include <regex>
#include <set>

#include "demo_site.hpp"

namespace jz::web {
namespace {

namespace fs = std::filesystem;

// A confidential person, a confidential field of a public one, and a public case naming both.
constexpr const char* kCanaries = R"(
{"id":"p0000000c01","kind":"person","visibility":"confidential","body":{"name":{"zh":"机密人甲","en":"CANARY-CONFIDENTIAL-NAME"},"status":"detained"}}
{"id":"p0000000h01","kind":"person","confidential":["/body/health"],"body":{"name":{"zh":"公开人乙","en":"Public Person"},"health":{"en":"CANARY-HEALTH"},"province":"tibet","status":"detained"}}
{"id":"c0000000c01","kind":"case","body":{"title":{"en":"A public case"},"persons":["p0000000c01","p0000000h01"],"featured":true,"status":"pre_trial"}}
)";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// The canaries, and enough persons that their list has a second page.
std::string extra_records() {
  std::string out = kCanaries;
  for (int i = 10; i < 70; ++i)
    out += R"({"id":"p00000001)" + std::to_string(i) +
           R"(","kind":"person","body":{"name":{"en":"Paged Person )" + std::to_string(i) +
           R"("},"status":"released"}})" + "\n";
  return out;
}

class MirrorExportTest : public DemoSiteTest {
 protected:
  static void SetUpTestSuite() { make_database("jz-mirror-", extra_records().c_str()); }
  static void TearDownTestSuite() { remove_database(); }

  void SetUp() override {
    DemoSiteTest::SetUp();
    out_ = fs::path(*dir_) / ("mirror-" + std::to_string(++count_));
  }
  void TearDown() override { fs::remove_all(out_); }

  Result<MirrorReport> publish(const fs::path& out) {
    MirrorOptions o;
    o.out = out;
    o.now = std::chrono::sys_days(std::chrono::year(2026) / 11 / 23) + std::chrono::hours(4);
    return export_mirror(*site_, *readers_, o);
  }

  void holds_every_kind_of_page_in_every_language(const MirrorReport& result) {
    const MirrorReport* report = &result;
    EXPECT_TRUE(report->broken.empty()) << report->broken.front();
    std::set<std::string> files;
    for (const auto& f : report->files) files.insert(f.path);
    for (const char* lang : {"zh-hans", "zh-hant", "en"})
      for (std::string page :
           {"index.html", "persons/index.html", "persons/p44sj9v9201.html",
            "cases/cnvch8d2sae.html", "cases/cnvch8d2sae/feed.atom", "violations.html",
            "violations.atom", "about.html", "search.html", "reviews.ics",
            "reviews/vsn1arz7tzd/shadow-report.html", "reviews/vsn1arz7tzd/shadow-report.pdf",
            "treaties/index.html", "indicators/index.html", "engagements/index.html",
            "recommendations/index.html", "persons/index-2.html", "opportunities/index.html"}) {
        SCOPED_TRACE(std::string(lang) + "/" + page);
        EXPECT_TRUE(files.count(std::string(lang) + "/" + page));
      }
    for (const char* file : {"index.html", "static/site.css", "data/records.jsonl", "sitemap.xml"})
      EXPECT_TRUE(files.count(file)) << file;
    EXPECT_GT(report->pages, 400u);

    // What the report lists is what is on disk, with its hash.
    std::size_t on_disk = 0;
    for (const auto& e : fs::recursive_directory_iterator(out_)) on_disk += e.is_regular_file();
    EXPECT_EQ(on_disk, report->files.size());
    for (const auto& f : report->files) {
      std::string bytes = slurp(out_ / f.path);
      ASSERT_EQ(bytes.size(), f.size) << f.path;
      ASSERT_EQ(blake2b(bytes), f.blake2b) << f.path;
    }
    // The root opens the Simplified Chinese home page, its links one folder down.
    std::string root = slurp(out_ / "index.html");
    EXPECT_NE(root.find("<html lang=\"zh-Hans\">"), std::string::npos);
    EXPECT_NE(root.find("href=\"zh-hant/index.html\""), std::string::npos);
    EXPECT_NE(root.find("href=\"static/site.css\""), std::string::npos);
  }

  void every_link_is_relative_and_leads_to_a_file(const MirrorReport& result) {
    const MirrorReport* report = &result;
    const std::regex attribute(R"re( (?:href|src|action)="([^"]*)")re");
    std::size_t links = 0;
    for (const auto& f : report->files) {
      if (!f.path.ends_with(".html") && !f.path.ends_with(".atom")) continue;
      std::string body = slurp(out_ / f.path);
      for (std::sregex_iterator it(body.begin(), body.end(), attribute), end; it != end; ++it) {
        std::string url = (*it)[1];
        if (url.starts_with("#") || url.starts_with("https://") || url.starts_with("http://") ||
            url.starts_with("mailto:"))
          continue;
        SCOPED_TRACE(f.path + " links " + url);
        // /api/v1/... is the one thing pages link to that only the live site answers.
        if (url.starts_with("/api/")) continue;
        ASSERT_FALSE(url.starts_with("/")) << "a root-relative link breaks under a prefix";
        std::string file = url.substr(0, url.find('#'));
        ASSERT_TRUE(fs::is_regular_file((out_ / f.path).parent_path() / file))
            << body.substr(std::max<std::ptrdiff_t>(0, it->position() - 20), 300);
        ++links;
      }
    }
    EXPECT_GT(links, 10000u);
  }

  void nothing_hidden_in_any_file(const MirrorReport& result) {
    const MirrorReport* report = &result;
    bool public_text_seen = false;
    for (const auto& f : report->files) {
      std::string bytes = slurp(out_ / f.path);
      SCOPED_TRACE(f.path);
      EXPECT_EQ(bytes.find("CANARY"), std::string::npos);
      EXPECT_EQ(bytes.find("机密人甲"), std::string::npos);
      EXPECT_EQ(bytes.find("p0000000c01"), std::string::npos);
      public_text_seen |= bytes.find("公开人乙") != std::string::npos;
    }
    EXPECT_TRUE(public_text_seen);
    EXPECT_FALSE(fs::exists(out_ / "en/persons/p0000000c01.html"));
    EXPECT_TRUE(fs::exists(out_ / "en/persons/p0000000h01.html"));
  }

  void pages_leave_out_what_only_a_server_answers() {
    std::string list = slurp(out_ / "en/persons/index.html");
    EXPECT_EQ(list.find("class=\"filters\""), std::string::npos);
    EXPECT_NE(list.find("p44sj9v9201.html"), std::string::npos);
    std::string recs = slurp(out_ / "en/recommendations/index.html");
    EXPECT_EQ(recs.find("class=\"facets\""), std::string::npos);
    // The same page on the live site has them.
    EXPECT_NE(get("/en/persons/").body.find("class=\"filters\""), std::string::npos);
  }
  static inline int count_ = 0;
  fs::path out_;
};

// One export (two, to compare their bytes) for every check: under the sanitizers an export
// of the demo takes minutes, and ctest runs each test in a process of its own.
TEST_F(MirrorExportTest, OneExportOfTheDemo) {
  auto first = publish(out_);
  ASSERT_TRUE(first) << first.status().message();
  {
    SCOPED_TRACE("the same database gives the same bytes");
    fs::path again = out_.string() + "-again";
    auto second = publish(again);
    ASSERT_TRUE(second) << second.status().message();
    ASSERT_EQ(first->files.size(), second->files.size());
    for (std::size_t i = 0; i < first->files.size(); ++i) {
      EXPECT_EQ(first->files[i].path, second->files[i].path);
      EXPECT_EQ(first->files[i].blake2b, second->files[i].blake2b) << first->files[i].path;
    }
    fs::remove_all(again);
  }
  {
    SCOPED_TRACE("holds_every_kind_of_page_in_every_language");
    holds_every_kind_of_page_in_every_language(*first);
  }
  {
    SCOPED_TRACE("every_link_is_relative_and_leads_to_a_file");
    every_link_is_relative_and_leads_to_a_file(*first);
  }
  {
    SCOPED_TRACE("nothing_hidden_in_any_file");
    nothing_hidden_in_any_file(*first);
  }
  {
    SCOPED_TRACE("pages_leave_out_what_only_a_server_answers");
    pages_leave_out_what_only_a_server_answers();
  }
}

TEST_F(MirrorExportTest, RefusesADirectoryThatIsNotEmpty) {
  fs::create_directories(out_);
  std::ofstream(out_ / "notes.txt") << "mine";
  auto report = publish(out_);
  ASSERT_FALSE(report);
  EXPECT_NE(report.status().message().find("not empty"), std::string::npos);
  EXPECT_EQ(slurp(out_ / "notes.txt"), "mine");
}

}  // namespace
}  // namespace jz::web
