// The team's login form, and logging in and out. The
// rules live in login.hpp; dispatch() checks the session and CSRF token of every route of
// the team before these handlers run (routes.cpp).
#include "core/random_token.hpp"
#include "web/call.hpp"
#include "web/handlers.hpp"
#include "web/team_desk.hpp"

namespace jz::web {
namespace {

using nlohmann::json;

// Cookies for the team only: never sent by JavaScript, over plain HTTP to another host, or
// with a request started by another site (which is what stops a forged login or logout).
std::string cookie(std::string_view name, std::string_view value, std::string_view max_age = "") {
  std::string c = std::string(name) + "=" + std::string(value) + "; Path=/";
  if (!max_age.empty()) c += "; Max-Age=" + std::string(max_age);
  return c + "; HttpOnly; Secure; SameSite=Strict";
}

// Where to go after login: a path of this site's workspace, never another site.
std::string after_login(const Call& call, const std::string& next) {
  std::string home = call.url("/workspace/");
  return next.starts_with(home) ? next : home;
}

// The login form. Before any session exists, its CSRF token is a cookie of its own that
// the form sends back (double submit): another site can make a browser post the form but
// cannot read or send the cookie.
http::Response login_form(Call& call, const std::string& error, const std::string& name,
                          const std::string& next) {
  std::string token = random_token();
  json data = {{"title", call.t("ui.login_title")},
               {"action", call.url("/login")},
               {"csrf", token},
               {"name", name},
               {"next", next},
               {"error", error},
               {"t",
                {{"name", call.t("ui.login_name")},
                 {"password", call.t("ui.login_password")},
                 {"code", call.t("ui.login_code")},
                 {"submit", call.t("ui.login_submit")},
                 {"note", call.t("ui.login_note")}}}};
  http::Response r = call.page("login.mustache", std::move(data), call.t("ui.login_title"));
  r.headers.emplace_back("Set-Cookie", cookie("jz_login", token, "3600"));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace

http::Response login_page(Call& call) {
  return login_form(call, "", "", after_login(call, call.request.param("next")));
}

http::Response login_submit(Call& call) {
  const http::Request& request = call.request;
  if (!same_token(request.form_field("csrf"), request.cookie("jz_login")))
    return call.error(403, call.t("ui.form_expired"));
  if (!call.desk) return call.error(503);
  std::string name = request.form_field("name");
  std::string next = after_login(call, request.form_field("next"));
  auto session =
      call.desk->log_in(name, request.form_field("password"), request.form_field("code"));
  if (!session) {
    const Status& s = session.status();
    if (s.code() != Code::kInvalid && s.code() != Code::kConflict) return call.error(503);
    std::string why = call.t(s.code() == Code::kConflict ? "ui.login_locked"
                             : s.message() == kWrongCode ? "ui.login_code_wrong"
                                                         : "ui.login_wrong");
    return login_form(call, why, name, next);
  }
  http::Response r = http::Response::redirect(303, next);
  r.headers.emplace_back("Set-Cookie", cookie("jz_session", session->token));
  r.headers.emplace_back("Set-Cookie", cookie("jz_login", "", "0"));
  return r;
}

http::Response logout(Call& call) {
  if (auto s = call.desk->log_out(call.request.cookie("jz_session")); !s) return call.error(503);
  http::Response r = http::Response::redirect(303, call.url("/"));
  r.headers.emplace_back("Set-Cookie", cookie("jz_session", "", "0"));
  return r;
}

}  // namespace jz::web
