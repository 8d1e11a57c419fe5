// Logging in over HTTP (through dispatch): cookies only for this site's own requests, the
// login form's own CSRF token, and a walk of the route table proving that no route of the
// team answers without a session, the role it needs, and (for a POST) its CSRF token.
#include <gtest/gtest.h>

#include <cstring>

#include "core/password.hpp"
#include "demo_site.hpp"
#include "web/list_query.hpp"
#include "web/team_desk.hpp"

namespace jz::web {
namespace {

const char* const kPassword = "correct horse battery";

std::string header(const http::Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

std::vector<std::string> cookies_set(const http::Response& r) {
  std::vector<std::string> out;
  for (const auto& [k, v] : r.headers)
    if (k == "Set-Cookie") out.push_back(v);
  return out;
}

// "jz_login=abc; Path=/; ..." -> "abc" for the cookie `name`, "" if not set.
std::string cookie_value(const http::Response& r, const std::string& name) {
  for (const auto& c : cookies_set(r))
    if (c.starts_with(name + "=")) return c.substr(name.size() + 1, c.find(';') - name.size() - 1);
  return "";
}

class LoginPages : public DemoSiteTest {
 protected:
  static void SetUpTestSuite() { make_database("jz-login-pages-", ""); }
  static void TearDownTestSuite() { remove_database(); }
  void SetUp() override {
    DemoSiteTest::SetUp();
    auto writer = store::open_sqlite(*db_);
    ASSERT_TRUE(writer) << writer.status().message();
    for (auto [name, role] :
         {std::pair{"wang.li", Role::kContributor}, {"zhao.min", Role::kAdmin}}) {
      if (*(*writer)->accounts().find_user(name)) continue;
      auto hash = hash_password(kPassword);
      ASSERT_TRUE(hash);
      ASSERT_TRUE((*writer)->accounts().add_user(
          {.name = name, .role = role, .password_hash = *hash}, "test"));
    }
    desk_ =
        std::make_unique<TeamDesk>(std::move(*writer), store::FileStore(*dir_ / "files", 1 << 20));
    context_->desk = desk_.get();
  }
  void TearDown() override {
    context_->desk = nullptr;
    desk_.reset();
  }

  // A request with a Cookie header and a form, each when not "".
  http::Response send(const std::string& method, const std::string& target,
                      const std::string& cookie = "", const std::string& form = "") {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!cookie.empty()) headers.emplace_back("cookie", cookie);
    if (!form.empty()) headers.emplace_back("content-type", "application/x-www-form-urlencoded");
    return DemoSiteTest::send(method, target, std::move(headers), form);
  }
  // Logs in through the form; the session cookie's value, or "".
  std::string log_in(const std::string& name, const std::string& password) {
    auto form = send("GET", "/en/login");
    std::string token = cookie_value(form, "jz_login");
    auto r = send("POST", "/en/login", "jz_login=" + token,
                  "csrf=" + token + "&name=" + name + "&password=" + percent_encode(password));
    return cookie_value(r, "jz_session");
  }
  // The CSRF token of a session, from its workspace page's logout form.
  std::string csrf_of(const std::string& session) {
    auto page = send("GET", "/en/workspace/", "jz_session=" + session);
    auto at = page.body.find("name=\"csrf\" value=\"");
    return at == std::string::npos ? "" : page.body.substr(at + 19, 64);
  }

  std::unique_ptr<TeamDesk> desk_;
};

TEST_F(LoginPages, TheFormSetsItsOwnTokenAndLogsIn) {
  auto form = send("GET", "/en/login");
  EXPECT_EQ(form.status, 200);
  std::string token = cookie_value(form, "jz_login");
  ASSERT_EQ(token.size(), 64u);
  EXPECT_NE(form.body.find("value=\"" + token + "\""), std::string::npos);
  EXPECT_NE(cookies_set(form)[0].find("; HttpOnly; Secure; SameSite=Strict"), std::string::npos);
  EXPECT_EQ(header(form, "Cache-Control"), "no-store");
  EXPECT_NE(form.body.find("name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\""),
            std::string::npos);
  EXPECT_NE(send("GET", "/zh-hans/login").body.find("账户名"), std::string::npos);

  auto ok = send("POST", "/en/login", "jz_login=" + token,
                 "csrf=" + token + "&name=wang.li&password=" + percent_encode(kPassword));
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(header(ok, "Location"), "/en/workspace/");
  std::string session = cookie_value(ok, "jz_session");
  ASSERT_EQ(session.size(), 64u);
  EXPECT_NE(cookies_set(ok)[0].find("; HttpOnly; Secure; SameSite=Strict"), std::string::npos);

  auto home = send("GET", "/en/workspace/", "a=1; jz_session=" + session);
  EXPECT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("Logged in as wang.li (Contributor)."), std::string::npos);
  EXPECT_EQ(header(home, "Cache-Control"), "no-store");
}

TEST_F(LoginPages, AForgedOrWrongLoginSetsNoSession) {
  auto form = send("GET", "/en/login");
  std::string token = cookie_value(form, "jz_login");
  std::string good = "&name=wang.li&password=" + percent_encode(kPassword);
  // Another site can post the form, but not with this site's cookie.
  auto forged = send("POST", "/en/login", "", "csrf=" + token + good);
  EXPECT_EQ(forged.status, 403);
  EXPECT_NE(forged.body.find("This form has expired"), std::string::npos);
  EXPECT_EQ(send("POST", "/en/login", "jz_login=" + token, "csrf=x" + good).status, 403);
  EXPECT_EQ(cookie_value(forged, "jz_session"), "");

  auto wrong = send("POST", "/en/login", "jz_login=" + token,
                    "csrf=" + token + "&name=wang.li&password=not+the+password");
  EXPECT_EQ(wrong.status, 200);
  EXPECT_NE(wrong.body.find("Wrong name or password."), std::string::npos);
  EXPECT_NE(wrong.body.find("value=\"wang.li\""), std::string::npos);  // the name stays
  EXPECT_EQ(cookie_value(wrong, "jz_session"), "");
  // Going somewhere else afterwards: only this site's workspace.
  auto elsewhere =
      send("POST", "/en/login", "jz_login=" + token,
           "csrf=" + token + good + "&next=" + percent_encode("https://evil.example/"));
  EXPECT_EQ(header(elsewhere, "Location"), "/en/workspace/");
}

TEST_F(LoginPages, LogoutNeedsTheSessionsTokenAndEndsIt) {
  std::string session = log_in("wang.li", kPassword);
  ASSERT_FALSE(session.empty());
  std::string csrf = csrf_of(session);
  ASSERT_EQ(csrf.size(), 64u);
  EXPECT_EQ(
      send("POST", "/en/logout", "jz_session=" + session, "csrf=" + std::string(64, '0')).status,
      403);
  auto out = send("POST", "/en/logout", "jz_session=" + session, "csrf=" + csrf);
  EXPECT_EQ(out.status, 303);
  EXPECT_NE(cookies_set(out)[0].find("jz_session=; Path=/; Max-Age=0"), std::string::npos);
  EXPECT_EQ(send("GET", "/en/workspace/", "jz_session=" + session).status, 303);
}

// Every route of the team, with its parameters filled in.
std::vector<const Route*> team_routes() {
  std::vector<const Route*> out;
  for (const auto& route : routes())
    if (route.access != Access::kPublic) out.push_back(&route);
  return out;
}

std::string example_target(const Route& route) {
  std::string t(route.pattern);
  for (auto [from, to] : {std::pair{"{lang}", "en"},
                          {"{id}", "p0000000001"},
                          {"{collection}", "persons"},
                          {"{file}", "site.css"}})
    if (auto at = t.find(from); at != std::string::npos) t.replace(at, std::strlen(from), to);
  return t;
}

TEST_F(LoginPages, NoRouteOfTheTeamAnswersWithoutASessionTheRoleAndTheToken) {
  ASSERT_FALSE(team_routes().empty());
  std::string contributor = log_in("wang.li", kPassword);
  std::string admin = log_in("zhao.min", kPassword);
  ASSERT_FALSE(contributor.empty());
  ASSERT_FALSE(admin.empty());
  for (const Route* route : team_routes()) {
    std::string target = example_target(*route);
    SCOPED_TRACE(std::string(route->method) + " " + target);
    bool post = route->method == "POST";
    // No session, or a session that does not exist.
    for (const std::string& cookie : {std::string(), "jz_session=" + std::string(64, 'a')}) {
      auto r = send(std::string(route->method), target, cookie, post ? "csrf=x" : "");
      if (post) {
        EXPECT_EQ(r.status, 403);
      } else {
        EXPECT_EQ(r.status, 303);
        EXPECT_EQ(header(r, "Location"), "/en/login?next=" + percent_encode(target));
      }
    }
    // A session without the role the route needs.
    if (route->access > Access::kContributor) {
      EXPECT_EQ(send(std::string(route->method), target, "jz_session=" + contributor,
                     post ? "csrf=" + csrf_of(contributor) : "")
                    .status,
                403);
    }
    // A POST without the session's own token.
    if (post) {
      EXPECT_EQ(send("POST", target, "jz_session=" + admin).status, 403);
      EXPECT_EQ(send("POST", target, "jz_session=" + admin, "csrf=" + csrf_of(contributor)).status,
                403);
    }
  }
}

TEST_F(LoginPages, AMethodAPathDoesNotAnswerIsRefusedWithTheOnesItDoes) {
  auto r = send("GET", "/en/logout");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(header(r, "Allow"), "POST");
  EXPECT_EQ(header(send("DELETE", "/en/login"), "Allow"), "GET, HEAD, POST");
}

TEST_F(LoginPages, EditorsAndAdminsSeeWhoChangedWhat) {
  std::string admin = log_in("zhao.min", kPassword);
  auto home = send("GET", "/en/workspace/", "jz_session=" + admin);
  EXPECT_NE(home.body.find("href=\"/en/workspace/audit\""), std::string::npos);
  auto audit = send("GET", "/en/workspace/audit", "jz_session=" + admin);
  ASSERT_EQ(audit.status, 200);
  EXPECT_EQ(header(audit, "Cache-Control"), "no-store");
  EXPECT_NE(audit.body.find("Changes to records, newest first"), std::string::npos);
  EXPECT_NE(audit.body.find("<code>"), std::string::npos);  // revisions of the demo import
  EXPECT_NE(audit.body.find("<td>zhao.min</td><td>added as admin</td>"), std::string::npos);
  // Pages of older changes: past the last one, none.
  auto past = send("GET", "/en/workspace/audit?offset=100000", "jz_session=" + admin);
  EXPECT_EQ(past.status, 200);
  EXPECT_EQ(past.body.find("<code>"), std::string::npos);  // no revision rows

  std::string contributor = log_in("wang.li", kPassword);
  EXPECT_EQ(
      send("GET", "/en/workspace/", "jz_session=" + contributor).body.find("/workspace/audit"),
      std::string::npos);
  EXPECT_EQ(send("GET", "/en/workspace/audit", "jz_session=" + contributor).status, 403);
}

TEST_F(LoginPages, TheLoginLinkLeadsBackToThePageAsked) {
  auto r = send("GET", "/en/workspace/");
  ASSERT_EQ(r.status, 303);
  auto form = send("GET", header(r, "Location"));
  EXPECT_NE(form.body.find("name=\"next\" value=\"/en/workspace/\""), std::string::npos);
}

}  // namespace
}  // namespace jz::web
