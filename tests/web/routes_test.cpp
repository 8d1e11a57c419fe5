// The route table is the one list of what the site answers: these tests walk it so that no
// route can be added without a handler, a purpose and an access rule.
#include "web/routes.hpp"

#include <gtest/gtest.h>

#include <set>

namespace jz::web {
namespace {

TEST(RouteTable, EveryRouteSaysWhatItIsAndWhoMayCallIt) {
  std::set<std::pair<std::string_view, std::string_view>> seen;
  for (const auto& route : routes()) {
    SCOPED_TRACE(std::string(route.pattern));
    EXPECT_NE(route.handler, nullptr);
    EXPECT_FALSE(route.what.empty());
    if (route.access == Access::kPublic) {
      // The public site only reads; logging in is the one public form.
      EXPECT_TRUE(route.method == "GET" || route.pattern == "/{lang}/login") << route.method;
    }
    EXPECT_TRUE(route.pattern.starts_with("/"));
    EXPECT_TRUE(seen.insert({route.method, route.pattern}).second) << "listed twice";
    // Only the parameters dispatch() knows how to fill.
    for (std::size_t open = route.pattern.find('{'); open != std::string_view::npos;
         open = route.pattern.find('{', open + 1)) {
      auto name = route.pattern.substr(open, route.pattern.find('}', open) - open + 1);
      EXPECT_TRUE(name == "{lang}" || name == "{id}" || name == "{collection}" || name == "{file}")
          << name;
    }
  }
}

TEST(RouteTable, PagesInEveryLanguageAndTheApiAreListed) {
  std::set<std::string_view> patterns;
  for (const auto& route : routes()) patterns.insert(route.pattern);
  for (const char* p :
       {"/", "/{lang}/", "/{lang}/persons/", "/{lang}/persons/{id}", "/{lang}/cases/{id}",
        "/{lang}/facilities/{id}", "/{lang}/organizations/{id}", "/{lang}/topics/{id}",
        "/{lang}/sources/", "/{lang}/links", "/{lang}/about", "/api/v1/{collection}",
        "/api/v1/{collection}/{id}", "/api/v1/openapi.json", "/{lang}/search", "/api/v1/search"})
    EXPECT_TRUE(patterns.contains(p)) << p;
}

}  // namespace
}  // namespace jz::web
