// Where pages live in a static mirror, and their links made relative.
#include "web/mirror_paths.hpp"

#include <gtest/gtest.h>

namespace jz::web {
namespace {

TEST(MirrorFile, PagesListsFeedsAndAssets) {
  const std::pair<const char*, const char*> table[] = {
      {"/en/", "en/index.html"},
      {"/zh-hant/", "zh-hant/index.html"},
      {"/en/persons/", "en/persons/index.html"},
      {"/en/persons/?page=2", "en/persons/index-2.html"},
      {"/en/persons/?page=12#top", "en/persons/index-12.html"},
      {"/en/persons/p44sj9v9201", "en/persons/p44sj9v9201.html"},
      {"/en/persons/p44sj9v9201#sources", "en/persons/p44sj9v9201.html"},
      {"/en/violations", "en/violations.html"},
      {"/en/violations.atom", "en/violations.atom"},
      {"/en/reviews.ics", "en/reviews.ics"},
      {"/en/cases/cnvch8d2sae/feed.atom", "en/cases/cnvch8d2sae/feed.atom"},
      {"/en/reviews/vsn1arz7tzd/shadow-report", "en/reviews/vsn1arz7tzd/shadow-report.html"},
      {"/en/reviews/vsn1arz7tzd/shadow-report.pdf", "en/reviews/vsn1arz7tzd/shadow-report.pdf"},
      {"/static/site.css?v=0a1b2c3d4e5f", "static/site.css"},
  };
  for (const auto& [url, file] : table) {
    SCOPED_TRACE(url);
    auto got = mirror_file(url);
    ASSERT_TRUE(got);
    EXPECT_EQ(*got, file);
  }
}

TEST(MirrorFile, NothingForWhatOnlyAServerAnswers) {
  for (const char* url : {"/",
                          "/en",
                          "/fr/",
                          "/api/v1/persons",
                          "/api/v1/openapi.json",
                          "/en/login",
                          "/en/login?next=/en/",
                          "/en/workspace/",
                          "/en/workspace/drafts/d1",
                          "/en/search?q=liu",
                          "/en/persons/?status=detained",
                          "/en/persons/?page=1",
                          "/en/persons/?page=0",
                          "/en/persons/?page=2&status=detained",
                          "/en/persons/?page=x",
                          "//example.org/en/",
                          "/static/",
                          "/static/a/b.css",
                          "/en/../etc/passwd",
                          "/en/.hidden",
                          "healthz"}) {
    SCOPED_TRACE(url);
    EXPECT_FALSE(mirror_file(url));
  }
}

TEST(RelativeLink, FromAnyDepth) {
  EXPECT_EQ(relative_link("en/persons/p1.html", "en/cases/c1.html"), "../cases/c1.html");
  EXPECT_EQ(relative_link("en/persons/p1.html", "en/persons/p2.html"), "p2.html");
  EXPECT_EQ(relative_link("en/index.html", "en/persons/index.html"), "persons/index.html");
  EXPECT_EQ(relative_link("en/persons/p1.html", "static/site.css"), "../../static/site.css");
  EXPECT_EQ(relative_link("index.html", "zh-hans/persons/index.html"),
            "zh-hans/persons/index.html");
  EXPECT_EQ(relative_link("en/cases/c1/feed.atom", "en/cases/c1.html"), "../c1.html");
  EXPECT_EQ(relative_link("en/index.html", "zh-hant/index.html"), "../zh-hant/index.html");
  EXPECT_EQ(relative_link("en/index.html", "en/index.html"), "index.html");
  // A shared prefix of a name is not a shared directory.
  EXPECT_EQ(relative_link("en/persons/p1.html", "en/personsx/p1.html"), "../personsx/p1.html");
}

TEST(RelativeLinks, RewritesHrefSrcAndActionOnly) {
  const std::string page =
      R"(<link rel="stylesheet" href="/static/site.css?v=abc">)"
      R"(<a href="/en/persons/p1">P</a> <a href="https://example.org/x">out</a>)"
      R"(<a href="#main">skip</a><img src="/static/logo.svg" alt="">)"
      R"(<form action="/en/search"><p data-x="/en/persons/">text /en/persons/ stays</p></form>)"
      R"(<a href="/en/persons/?page=2&amp;x=1">filtered</a><a href="/en/persons/?page=3">3</a>)"
      R"(<a href="/api/v1/persons">api</a><a href="//cdn.example.org/x.js">cdn</a>)";
  auto got = relative_links(page, "en/persons/p2.html", "");
  EXPECT_EQ(
      got.body,
      R"(<link rel="stylesheet" href="../../static/site.css">)"
      R"(<a href="p1.html">P</a> <a href="https://example.org/x">out</a>)"
      R"(<a href="#main">skip</a><img src="../../static/logo.svg" alt="">)"
      R"(<form action="../search.html"><p data-x="/en/persons/">text /en/persons/ stays</p></form>)"
      R"(<a href="index.html">filtered</a><a href="index-3.html">3</a>)"
      R"(<a href="/api/v1/persons">api</a><a href="//cdn.example.org/x.js">cdn</a>)");
  EXPECT_EQ(got.targets,
            (std::vector<std::string>{"/static/site.css?v=abc", "/en/persons/p1",
                                      "/static/logo.svg", "/en/search", "/en/persons/?page=3"}));
  EXPECT_EQ(got.outside, (std::vector<std::string>{"/en/persons/?page=2&x=1", "/api/v1/persons"}));
}

TEST(RelativeLinks, WhatAMirrorCannotHoldGoesToTheLiveSiteWhenGiven) {
  auto got = relative_links(R"(<a href="/api/v1/persons?page=2&amp;per_page=5">api</a>)",
                            "en/about.html", "https://jianzheng.example");
  EXPECT_EQ(got.body,
            R"(<a href="https://jianzheng.example/api/v1/persons?page=2&amp;per_page=5">api</a>)");
  EXPECT_TRUE(got.targets.empty());
}

TEST(RelativeLinks, KeepsFragmentsAndAtomLinks) {
  auto got = relative_links(R"(<link rel="alternate" type="text/html" href="/en/cases/c1#clock"/>)",
                            "en/cases/c1/feed.atom", "");
  EXPECT_EQ(got.body, R"(<link rel="alternate" type="text/html" href="../c1.html#clock"/>)");
  EXPECT_EQ(got.targets, std::vector<std::string>{"/en/cases/c1"});
}

}  // namespace
}  // namespace jz::web
