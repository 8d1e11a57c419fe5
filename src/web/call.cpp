#include "web/call.hpp"

#include <array>
#include <stdexcept>

#include "core/record_json.hpp"
#include "core/vocabulary.hpp"
#include "i18n/date_format.hpp"
#include "i18n/localize.hpp"
#include "web/feeds.hpp"
#include "web/page_reads.hpp"

namespace jz::web {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kSections = {{
    {"person", "persons"},
    {"case", "cases"},
    {"facility", "facilities"},
    {"organization", "organizations"},
    {"source", "sources"},
    {"topic", "topics"},
    {"treaty", "treaties"},
    {"review", "reviews"},
    {"recommendation", "recommendations"},
    {"engagement", "engagements"},
    {"indicator", "indicators"},
}};

// The site's sections in the header, in order.
constexpr std::array<std::string_view, 11> kNav = {
    "persons",    "cases",  "violations", "priorities", "opportunities", "treaties",
    "facilities", "topics", "sources",    "links",      "about"};

// Sections shown under another one in the header: "UN and dialogues" (treaties) holds the
// reviews, recommendations, dialogues and indicators.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kSubsections = {{
    {"reviews", "treaties"},
    {"recommendations", "treaties"},
    {"engagements", "treaties"},
    {"indicators", "treaties"},
}};

// Whether the page at `here` ("/treaties/", "/reviews/v...") is in the header's `section`.
bool in_section(std::string_view here, std::string_view section) {
  // here is "" for "/" and for the server's own error pages (no request path).
  if (here.size() <= 1) return false;
  here.remove_prefix(1);
  if (here.starts_with(section)) return true;
  for (const auto& [sub, parent] : kSubsections)
    if (parent == section && here.starts_with(sub)) return true;
  return false;
}

std::string_view language_name(i18n::Lang lang) {
  switch (lang) {
    case i18n::Lang::kZhHans:
      return "简体中文";
    case i18n::Lang::kZhHant:
      return "繁體中文";
    case i18n::Lang::kEn:
      return "English";
  }
  return "";
}

}  // namespace

std::string_view section_of(std::string_view kind) {
  for (const auto& [k, section] : kSections)
    if (k == kind) return section;
  return "";
}

http::Response json_response(int status, std::string body) {
  http::Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = std::move(body);
  return r;
}

http::Response json_error(int status, std::string_view message) {
  nlohmann::json e = {{"error", {{"status", status}, {"message", message}}}};
  // The message may quote what the client sent, which need not be UTF-8.
  return json_response(status, e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::chrono::system_clock::time_point Call::now() const {
  note_today();
  return now_;
}

store::Store& Call::store() const {
  if (!reader)
    throw std::logic_error("route for " + request.path + " reads the store but says not");
  return *reader;
}

std::optional<Record> Call::public_record(std::string_view record_id) const {
  if (record_id.empty() || !is_public(record_id)) return std::nullopt;
  auto r = store().get(record_id);
  if (!r) return std::nullopt;
  return public_view(*r, visible);
}

std::optional<std::string> Call::merged_into(std::string_view record_id) const {
  auto r = store().get(record_id);
  if (!r || r->merged_into.empty() || !is_public(r->merged_into)) return std::nullopt;
  auto history = store().history(record_id);
  if (!history || history->size() < 2) return std::nullopt;
  // The revision before the one that merged it.
  auto before = parse_record((*history)[history->size() - 2].snapshot);
  if (!before || before->visibility != "public" || !before->merged_into.empty())
    return std::nullopt;
  return r->merged_into;
}

nlohmann::json Call::ref(std::string_view record_id) const {
  auto r = public_record(record_id);
  if (!r) return nullptr;
  nlohmann::json out = text(r->label());
  if (out.is_null()) out = {{"text", r->id}};
  // An event has no page: it is shown on its case's page, or, when it is an occasion to
  // raise cases (a dialogue round, a UN review), on its own prisoner list's.
  out["href"] = nullptr;
  if (r->kind() == "event") {
    const auto& e = std::get<Event>(r->body);
    if (!e.case_id.empty() && is_public(e.case_id))
      out["href"] = url_of("case", e.case_id);
    else if (vocab::contains(vocab::opportunity_types(), e.type))
      out["href"] = url("/opportunities/" + r->id);
  } else {
    out["href"] = url_of(r->kind(), r->id);
  }
  out["kind"] = label("kind", r->kind());
  return out;
}

std::string Call::t(std::string_view key) const {
  return std::string(site.messages.get(lang, key));
}

std::string Call::t(std::string_view key, std::string_view value) const {
  std::string text = t(key);
  for (auto at = text.find("%s"); at != std::string::npos; at = text.find("%s", at + value.size()))
    text.replace(at, 2, value);
  return text;
}

std::string Call::label(std::string_view list, std::string_view value) const {
  if (value.empty()) return "";
  std::string key(list);
  key += '.';
  key += value;
  return t(key);
}

std::string Call::str(const Text& value) const {
  return i18n::localize(value, lang, site.script).text;
}

nlohmann::json Call::text(const Text& value) const {
  auto l = i18n::localize(value, lang, site.script);
  if (l.text.empty()) return nullptr;
  nlohmann::json out = {{"text", std::move(l.text)}};
  if (l.lang != lang) out["lang"] = i18n::html_lang(l.lang);
  return out;
}

std::string Call::date(const Date& value) const {
  return value ? i18n::format_date(*value, lang) : "";
}

std::string Call::title_of(const Record& record) const {
  std::string title = str(record.label());
  return title.empty() ? record.id : title;
}

std::string Call::url_of(std::string_view kind, std::string_view record_id) const {
  std::string out = url("/");
  out += section_of(kind);
  out += '/';
  out += record_id;
  return out;
}

std::string Call::url(std::string_view rest) const {
  std::string out = "/";
  out += i18n::url_prefix(lang);
  out += rest;
  return out;
}

http::Response Call::page(std::string_view tmpl, nlohmann::json data,
                          const std::string& title) const {
  // A mirror has no server to answer a choice of filters.
  if (for_mirror) data.erase("filters");
  auto content = site.templates.render(tmpl, data);
  if (!content) return http::Response::text(500, "Internal error / 内部错误\n");

  // The same page in the other languages: the path after the language segment stays.
  std::string_view path = request.path;
  std::string rest(path.substr(std::min(path.size(), path.find('/', 1))));
  auto query = request.target.find('?');
  if (query != std::string::npos) rest += request.target.substr(query);
  nlohmann::json languages = nlohmann::json::array();
  for (auto l : i18n::all_langs()) {
    std::string href = "/" + std::string(i18n::url_prefix(l)) + rest;
    languages.push_back({{"href", href},
                         {"hreflang", i18n::html_lang(l)},
                         {"name", language_name(l)},
                         {"current", l == lang}});
  }
  nlohmann::json nav = nlohmann::json::array();
  std::string_view here = path.substr(std::min(path.size(), path.find('/', 1)));
  for (auto section : kNav) {
    std::string href = url("/" + std::string(section) +
                           (section == "links" || section == "about" || section == "violations" ||
                                    section == "priorities"
                                ? ""
                                : "/"));
    bool current = in_section(here, section);
    nav.push_back(
        {{"href", href}, {"label", t("ui.nav_" + std::string(section))}, {"current", current}});
  }
  nlohmann::json layout = {
      {"html_lang", i18n::html_lang(lang)},
      {"title", title},
      {"site_name", t("ui.site_name")},
      {"home", url("/")},
      {"stylesheet", site.assets.url("site.css")},
      {"languages", std::move(languages)},
      {"x_default", "/" + std::string(i18n::url_prefix(i18n::Lang::kZhHans)) + rest},
      {"nav", std::move(nav)},
      {"nav_label", t("ui.nav_label")},
      {"languages_label", t("ui.languages_label")},
      {"skip", t("ui.skip_to_content")},
      {"footer", t("ui.footer")},
      {"about_href", url("/about")},
      {"about_label", t("ui.nav_about")},
      {"mirrors_href", url("/mirrors")},
      {"mirrors_label", t("ui.mirrors_heading")},
      {"key", site.settings.signing_key.empty() ? nlohmann::json()
                                                : nlohmann::json(site.settings.signing_key)},
      {"key_label", t("ui.signing_key")},
      {"search",
       {{"action", url("/search")},
        {"label", t("ui.search_label")},
        {"button", t("ui.search_button")}}},
      {"content", std::move(*content)},
      {"feed", feed_link(*this, tmpl)},
  };
  auto html = site.templates.render("layout.mustache", layout);
  if (!html) return http::Response::text(500, "Internal error / 内部错误\n");
  http::Response r;
  r.body = std::move(*html);
  r.headers.emplace_back("Content-Language", std::string(i18n::html_lang(lang)));
  return r;
}

http::Response Call::error(const Status& status) const {
  switch (status.code()) {
    case Code::kForbidden:
      return error(403, status.message());
    case Code::kNotFound:
      return error(404, status.message());
    case Code::kConflict:
      return error(409, status.message());
    case Code::kInvalid:
      return error(422, status.message());
    default:
      return error(503);
  }
}

http::Response Call::error(int status, std::string_view detail) const {
  std::string code = std::to_string(status);
  nlohmann::json data = {{"status", code},
                         {"heading", t("ui.error_" + code)},
                         {"advice", t("ui.error_" + code + "_advice")},
                         {"home", url("/")},
                         {"home_label", t("ui.back_home")}};
  if (!detail.empty()) data["detail"] = detail;
  auto r = page("error.mustache", data, t("ui.error_" + code));
  r.status = r.status == 200 ? status : r.status;
  return r;
}

http::Response download(std::string type, std::string body, const std::string& name) {
  http::Response r;
  r.content_type = std::move(type);
  r.body = std::move(body);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return r;
}

}  // namespace jz::web
