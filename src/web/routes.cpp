#include "web/routes.hpp"

#include <array>
#include <memory>

#include "http/multipart.hpp"
#include "monitor/time_limit.hpp"
#include "store/store.hpp"
#include "web/handlers.hpp"
#include "web/list_query.hpp"
#include "web/team_desk.hpp"

namespace jz::web {
namespace {

constexpr auto P = Access::kPublic;
constexpr auto TEAM = Access::kContributor;  // any logged-in account
constexpr auto RESEARCHER = Access::kResearcher;
constexpr auto EDITOR = Access::kEditor;
constexpr std::string_view kAttachPattern = "/{lang}/workspace/drafts/{id}/file";

constexpr std::array kRoutes{
    Route{"GET", "/", language_redirect, P, false,
          "to /zh-hans/, /zh-hant/ or /en/ by Accept-Language"},
    Route{"GET", "/healthz", health, P, false, "liveness probe for monitoring"},
    Route{"GET", "/static/{file}", static_file, P, false, "stylesheet and other assets"},
    Route{"GET", "/{lang}/", home_page, P, true, "home: latest updates, featured cases, counts"},
    Route{"GET", "/{lang}/persons/", person_list, P, true, "persons by status, province, group"},
    Route{"GET", "/{lang}/persons/{id}", person_page, P, true, "a person's profile"},
    Route{"GET", "/{lang}/cases/", case_list, P, true, "cases by topic and status"},
    Route{"GET", "/{lang}/cases/{id}", case_page, P, true,
          "a case: people, charges, legal clock, timeline"},
    Route{"GET", "/{lang}/cases/{id}/feed.atom", case_feed, P, true,
          "Atom feed of a case: the case, its events, its violated clocks"},
    Route{"GET", "/{lang}/violations", violations_page, P, true,
          "procedural violations of every public case, ongoing first"},
    Route{"GET", "/{lang}/priorities", priorities_page, P, true,
          "the detained persons of highest priority, each score explained"},
    Route{"GET", "/{lang}/priorities.csv", priorities_csv, P, true,
          "every detained person by priority, as CSV"},
    Route{"GET", "/{lang}/opportunities/", opportunity_calendar, P, true,
          "dialogue rounds, state visits, UN reviews, and whom to raise at each"},
    Route{"GET", "/{lang}/opportunities/{id}", opportunity_page, P, true,
          "the prisoner list for an opportunity, printable, in both languages"},
    Route{"GET", "/{lang}/opportunities/{id}/prisoners.csv", opportunity_csv, P, true,
          "the prisoner list as CSV"},
    Route{"GET", "/{lang}/opportunities/{id}/prisoners.json", opportunity_json, P, true,
          "the prisoner list as JSON"},
    Route{"GET", "/{lang}/opportunities/{id}/prisoners.pdf", opportunity_pdf, P, true,
          "the prisoner list as PDF (A4, CJK fonts)"},
    Route{"GET", "/{lang}/reviews/{id}/shadow-report", shadow_report_page, P, true,
          "a draft shadow report for a review, by treaty article, in both languages"},
    Route{"GET", "/{lang}/reviews/{id}/shadow-report.pdf", shadow_report_pdf, P, true,
          "the draft shadow report as PDF (A4, CJK fonts)"},
    Route{"GET", "/{lang}/violations.atom", violations_feed, P, true,
          "Atom feed of every procedural violation /violations lists"},
    Route{"GET", "/{lang}/lawyers", lawyers_page, P, true,
          "lawyers in China: licences not renewed, suspended, revoked; harassment; cases"},
    Route{"GET", "/{lang}/engagements/", engagement_list, P, true,
          "dialogues and programmes: rounds, commitments kept, broken, pending"},
    Route{"GET", "/{lang}/engagements/{id}", engagement_page, P, true,
          "an engagement's scorecard: ground rules, commitments, rounds, who was raised"},
    Route{"GET", "/{lang}/indicators/", indicator_list, P, true,
          "indicators by dimension, each with its trend chart"},
    Route{"GET", "/{lang}/indicators/{id}", indicator_page, P, true,
          "an indicator: its trend chart and every assessment with its evidence"},
    Route{"GET", "/{lang}/facilities/", facility_list, P, true, "facilities by kind, province"},
    Route{"GET", "/{lang}/facilities/{id}", facility_page, P, true, "a facility and who is held"},
    Route{"GET", "/{lang}/organizations/", organization_list, P, true, "organizations by kind"},
    Route{"GET", "/{lang}/organizations/{id}", organization_page, P, true, "an organization"},
    Route{"GET", "/{lang}/topics/", topic_index, P, true, "every topic"},
    Route{"GET", "/{lang}/topics/{id}", topic_page, P, true, "a topic's text and its records"},
    Route{"GET", "/{lang}/topics/{id}/feed.atom", topic_feed, P, true,
          "Atom feed of a topic: the topic, its cases and the records filed under it"},
    Route{"GET", "/{lang}/feed.atom", site_feed, P, true,
          "Atom feed of the latest public updates of every kind"},
    Route{"GET", "/{lang}/sources/", source_list, P, true, "bibliography"},
    Route{"GET", "/{lang}/sources/{id}", source_page, P, true, "a source and what cites it"},
    Route{"GET", "/{lang}/treaties/", treaty_hub, P, true,
          "UN and dialogues: treaties China signed or ratified, coming and recent reviews"},
    Route{"GET", "/{lang}/treaties/{id}", treaty_page, P, true,
          "a treaty: China's signature, ratification, reservations, protocols, reviews"},
    Route{"GET", "/{lang}/reviews/", review_list, P, true,
          "every review by a treaty body or the UPR, coming first, with its responses"},
    Route{"GET", "/{lang}/reviews.ics", review_calendar, P, true,
          "the reviews as an iCalendar file (RFC 5545) to subscribe to"},
    Route{"GET", "/{lang}/reviews/{id}", review_page, P, true,
          "a review: documents, submissions, recommendations by response and theme"},
    Route{"GET", "/{lang}/recommendations/", recommendation_list, P, true,
          "recommendations by review, response, theme and implementation, paged"},
    Route{"GET", "/{lang}/recommendations/{id}", recommendation_page, P, true,
          "a recommendation: text, response, and its implementation over time"},
    Route{"GET", "/{lang}/links", links_page, P, true, "other human-rights sites"},
    Route{"GET", "/{lang}/about", about_page, P, false, "about; how to reach us safely"},
    Route{"GET", "/{lang}/mirrors", mirrors_page, P, false,
          "copies of the site, its onion address, the signing key and how to verify a copy"},
    Route{"GET", "/{lang}/search", search_page, P, true, "search: ?q=, facets, pages"},
    Route{"GET", "/{lang}/login", login_page, P, false, "the team's login form"},
    Route{"POST", "/{lang}/login", login_submit, P, false, "log in: name, password"},
    Route{"POST", "/{lang}/logout", logout, TEAM, false, "log out: ends the session"},
    Route{"GET", "/{lang}/workspace/", workspace_home, TEAM, true,
          "the team's workspace: own drafts, drafts waiting for review"},
    Route{"GET", "/{lang}/workspace/audit", audit_page, EDITOR, true,
          "who changed what and when: revisions, drafts and accounts"},
    Route{"GET", "/{lang}/workspace/new/{collection}", new_record_form, TEAM, true,
          "form for a new record of a kind"},
    Route{"POST", "/{lang}/workspace/new/{collection}", new_record_submit, TEAM, true,
          "a new record's first draft (save, or submit for review)"},
    Route{"GET", "/{lang}/workspace/drafts/{id}", draft_page, TEAM, true,
          "a draft: what it changes, its form, its review"},
    Route{"POST", "/{lang}/workspace/drafts/{id}", draft_save, TEAM, true,
          "save a draft, or submit it for review"},
    Route{"POST", "/{lang}/workspace/drafts/{id}/review", draft_review, EDITOR, false,
          "publish a draft, or send it back with a note"},
    Route{"POST", "/{lang}/workspace/drafts/{id}/discard", draft_discard, TEAM, false,
          "throw a draft away"},
    Route{"POST", kAttachPattern, attach_file, TEAM, true,
          "attach a file to a source's draft (multipart; the one route with a larger body)"},
    Route{"GET", "/{lang}/workspace/files/{id}", file_download, RESEARCHER, false,
          "an attached file, by its hash, as a download"},
    Route{"GET", "/{lang}/workspace/records/", team_record_list, TEAM, true,
          "the records this role may read, by kind"},
    Route{"GET", "/{lang}/workspace/records/{id}", team_record_page, TEAM, true,
          "a record as stored: every field, confidential ones marked"},
    Route{"POST", "/{lang}/workspace/records/{id}/edit", team_record_edit, TEAM, false,
          "start a draft changing a record"},
    Route{"GET", "/{lang}/workspace/records/{id}/history", record_history, TEAM, true,
          "a record's revisions and the diff between any two"},
    Route{"POST", "/{lang}/workspace/records/{id}/restore", record_restore, TEAM, false,
          "start a draft restoring an older revision"},
    Route{"POST", "/{lang}/workspace/records/{id}/unpublish", record_unpublish, EDITOR, false,
          "take a record off the public site at once"},
    Route{"POST", "/{lang}/workspace/records/{id}/merge", record_merge, EDITOR, true,
          "merge a duplicate person into this one"},
    Route{"GET", "/{lang}/workspace/cases/{id}/partners", case_partners, RESEARCHER, true,
          "partner lawyers abroad ranked for a case, and its assignments"},
    Route{"GET", "/{lang}/workspace/duplicates", duplicates_page, TEAM, true,
          "persons that may be one: the same name across scripts"},
    Route{"GET", "/api/v1/openapi.json", api_openapi, P, false, "OpenAPI description of the API"},
    // Before /api/v1/{collection}, which "search" would match too.
    Route{"GET", "/api/v1/search", api_search, P, true, "search results as JSON"},
    Route{"GET", "/api/v1/{collection}", api_list, P, true, "public records of a kind, paged"},
    Route{"GET", "/api/v1/{collection}/{id}", api_record, P, true, "one public record"},
};

// The "/"-separated segments of a path, one at a time, without copying: routes are
// matched on every request. "/en/persons/" yields "en", "persons", "".
class Segments {
 public:
  explicit Segments(std::string_view path)
      : rest_(path.empty() ? path : path.substr(1)), done_(path.empty() || path[0] != '/') {}
  bool next(std::string_view& segment) {
    if (done_) return false;
    auto slash = rest_.find('/');
    segment = rest_.substr(0, slash);
    if (slash == std::string_view::npos)
      done_ = true;
    else
      rest_.remove_prefix(slash + 1);
    return true;
  }

 private:
  std::string_view rest_;
  bool done_;
};

// The parameters a pattern's segments in braces take from a path.
struct Params {
  std::optional<i18n::Lang> lang;  // only for a pattern with {lang}
  std::string_view id, collection;
};

// Matches `path` against `pattern`, filling `call` with its parameters.
bool match(std::string_view pattern, std::string_view path, Params& call) {
  Segments pat(pattern), got(path);
  std::string_view p, s;
  while (pat.next(p)) {
    if (!got.next(s)) return false;
    if (p == "{lang}") {
      auto lang = i18n::lang_from_prefix(s);
      if (!lang) return false;
      call.lang = *lang;
    } else if (p == "{id}") {
      if (s.empty()) return false;
      call.id = s;
    } else if (p == "{collection}" || p == "{file}") {
      if (s.empty()) return false;
      call.collection = s;
    } else if (p != s) {
      return false;
    }
  }
  return !got.next(s);
}

// The first route for `path` and `method`. When there is none, `allowed` gets the methods
// the path does answer to ("" when none).
const Route* find_route(std::string_view path, Call& call, std::string* allowed,
                        std::string_view method) {
  for (const auto& route : kRoutes) {
    Params params;
    if (!match(route.pattern, path, params)) continue;
    if (params.lang) call.lang = *params.lang;
    call.id = params.id;
    call.collection = params.collection;
    if (route.method == method) return &route;
    if (allowed)
      *allowed += std::string(allowed->empty() ? "" : ", ") +
                  (route.method == "GET" ? "GET, HEAD" : std::string(route.method));
  }
  return nullptr;
}

// The CSRF token a form sent: a field of an ordinary form, or a part of a file upload's,
// whose parts are kept in the call for the handler (a body of 20 MB is read once).
std::string csrf_sent(Call& call) {
  auto boundary = http::multipart_boundary(call.request.header("content-type"));
  if (!boundary) return call.request.form_field("csrf");
  auto parts = http::parse_multipart(call.request.body, *boundary);
  auto* list = std::get_if<std::vector<http::FormPart>>(&parts);
  if (!list) return "";
  call.form_parts = std::move(*list);
  for (const auto& part : call.form_parts)
    if (part.name == "csrf" && !part.is_file) return part.body;
  return "";
}

// Access above kPublic names the least role, in the same order.
Role role_for(Access access) {
  static_assert(static_cast<int>(Access::kContributor) - 1 == static_cast<int>(Role::kContributor));
  static_assert(static_cast<int>(Access::kAdmin) - 1 == static_cast<int>(Role::kAdmin));
  return static_cast<Role>(static_cast<int>(access) - 1);
}

// For a route of the team: the logged-in account with the role it needs, and for a POST
// the session's CSRF token; else the answer that refuses the request.
std::optional<http::Response> admit(const Route& route, Call& call, Context& context) {
  if (route.access == Access::kPublic) return std::nullopt;
  if (!context.desk) return call.error(503);
  auto who = context.desk->session(call.request.cookie("jz_session"));
  if (!who) return call.error(503);
  if (!*who) {
    if (route.method != "GET") return call.error(403, call.t("ui.login_needed"));
    return http::Response::redirect(
        303, call.url("/login") + "?next=" + percent_encode(call.request.target));
  }
  if (!at_least((*who)->role, role_for(route.access)))
    return call.error(403, call.t("ui.role_needed"));
  if (route.method == "POST" && !same_token(csrf_sent(call), (*who)->csrf))
    return call.error(403, call.t("ui.form_expired"));
  call.who = std::move(*who);
  return std::nullopt;
}

// A route of the team: admitted, then answered with a reader if it reads the store (the
// records as stored: team pages are not redacted), and never cached anywhere.
http::Response answer_team(const Route& route, Call& call, Context& context) {
  if (auto refused = admit(route, call, context)) return *refused;
  std::optional<ReaderPool::Lease> reader;
  if (route.reads_store) {
    auto lease = context.readers.acquire();
    if (!lease) return call.error(503);
    reader.emplace(std::move(*lease));
    call.reader = &**reader;
  }
  http::Response response = route.handler(call);
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

// A public page for a static mirror: as of the export's moment, with its one oracle, uncached.
http::Response answer_for_mirror(const Route& route, Call& call, Context& context) {
  if (route.access != Access::kPublic) return call.error(404);
  call.for_mirror = true;
  call.set_now(context.mirror->now);
  call.visible = context.mirror->visible;
  call.memo = context.mirror->memo;
  if (!route.reads_store) return route.handler(call);
  auto reader = context.readers.acquire();
  if (!reader) return call.error(503);
  call.reader = &**reader;
  return route.handler(call);
}

http::Response answer(const Route& route, Call& call, Context& context) {
  if (context.mirror) return answer_for_mirror(route, call, context);
  call.desk = context.desk;
  if (route.access != Access::kPublic) return answer_team(route, call, context);
  if (!route.reads_store) return route.handler(call);
  auto reader = context.readers.acquire();
  if (!reader) return call.error(503);
  store::Store& store = **reader;
  auto generation = store.last_change();
  if (!generation) return call.error(503);
  // Running clocks count to today: a page is rendered again on each new day in China.
  const std::string key =
      std::to_string(
          monitor::day_of(monitor::shanghai_minutes(call.now())).time_since_epoch().count()) +
      " " + call.request.target;
  if (auto hit = context.cache.find(key, *generation)) return *hit;

  auto oracle = store::public_oracle(store);
  if (!oracle) return call.error(503);
  call.reader = &store;
  call.visible = std::move(*oracle);
  http::Response response = route.handler(call);
  if (response.status != 200) return response;
  response.headers.emplace_back("Cache-Control", "no-cache");
  finish_for_cache(response);
  // Cached only if nothing was written while it rendered: else it might mix two states.
  auto after = store.last_change();
  if (after && *after == *generation)
    context.cache.put(key, *generation, std::make_shared<const http::Response>(response));
  return response;
}

}  // namespace

std::span<const Route> routes() {
  return kRoutes;
}

bool accepts_upload(std::string_view method, std::string_view target) {
  if (method != "POST") return false;
  Params params;
  return match(kAttachPattern, target.substr(0, target.find('?')), params);
}

http::Response dispatch(const http::Request& request, Context& context) {
  Call call{request, context.site};
  // Errors are shown in the language of the URL, or the browser's.
  std::string_view first;
  auto url_lang = Segments(request.path).next(first) ? i18n::lang_from_prefix(first) : std::nullopt;
  call.lang = url_lang ? *url_lang : i18n::negotiate(request.header("accept-language"));

  // HEAD is answered as GET; the server drops the body.
  std::string_view method = request.method;
  if (method == "HEAD") method = "GET";
  std::string allowed;
  if (const Route* route = find_route(request.path, call, &allowed, method))
    return answer(*route, call, context);
  if (!allowed.empty()) {
    auto r = call.error(405);
    r.headers.emplace_back("Allow", allowed);
    return r;
  }
  // "/en/persons" -> "/en/persons/": lists and the home page end in a slash.
  if (!request.path.ends_with('/')) {
    Call probe{request, context.site};
    if (find_route(request.path + "/", probe, nullptr, "GET")) {
      // From the raw target, still percent-encoded, so the Location header stays ASCII.
      std::string location = request.target;
      location.insert(std::min(location.find('?'), location.size()), "/");
      return http::Response::redirect(301, location);
    }
  }
  return call.error(404);
}

}  // namespace jz::web
