#pragma once
// Call: one request being answered — the route's parameters, this worker's store reader,
// the redaction oracle, the reader's language — and the helpers every page uses to turn
// records into template values. Every record a page shows comes through public(), the
// one redaction path (core/redact.hpp).
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/record.hpp"
#include "core/redact.hpp"
#include "http/multipart.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "i18n/lang.hpp"
#include "web/context.hpp"
#include "web/login.hpp"

namespace jz::web {

struct Call {
  Call(const http::Request& r, const Site& s) : request(r), site(s) {}

  const http::Request& request;
  const Site& site;
  i18n::Lang lang = i18n::Lang::kZhHans;
  std::string id;          // the {id} segment of the route, if it has one
  std::string collection;  // the {collection} segment (read API)
  // Set by dispatch() for routes that read the store (Route::reads_store).
  store::Store* reader = nullptr;
  // Set by dispatch() for routes of the team (Route::access above kPublic): who is logged in.
  std::optional<SignedIn> who;
  TeamDesk* desk = nullptr;
  // The parts of a multipart form (a file upload) a route of the team was sent, read once
  // by dispatch() for the CSRF token.
  std::vector<http::FormPart> form_parts;
  IsPublic visible;
  bool for_mirror = false;     // rendered for a static mirror (Context::mirror)
  ExportMemo* memo = nullptr;  // set for a static mirror: computed once per export

  store::Store& store() const;  // this request's reader; a route that reads must say so
  // When the request came: the legal clock counts running limits up to it. Reading it marks
  // the page as one that changes with the day (page_reads.hpp).
  std::chrono::system_clock::time_point now() const;
  void set_now(std::chrono::system_clock::time_point moment) { now_ = moment; }
  bool is_public(std::string_view record_id) const { return visible(record_id); }

  // --- records --------------------------------------------------------------------------
  // The public view of a record, or nothing when it is missing or not public.
  std::optional<Record> public_record(std::string_view id) const;
  // The public record a duplicate was merged into, when the duplicate was public until the
  // merge: its old address still leads readers to the person. Nothing for any other id (a
  // hidden record merged away does not reveal where it went).
  std::optional<std::string> merged_into(std::string_view id) const;
  // {"name": ..., "href": ...} for a link to a public record; null when it is not public.
  nlohmann::json ref(std::string_view id) const;

  // --- words ----------------------------------------------------------------------------
  std::string t(std::string_view key) const;  // the message catalogue, in this language
  // The message with each %s replaced by `value` ("第%s条", "at least %s ...").
  std::string t(std::string_view key, std::string_view value) const;
  // A vocabulary label ("person_status", "detained"), or "" for an empty value.
  std::string label(std::string_view list, std::string_view value) const;
  std::string str(const Text& text) const;  // the text in this language (or its fallback)
  // {"text": ..., "lang": "en"} — lang only when the text fell back to another language,
  // so templates can mark it; null when empty.
  nlohmann::json text(const Text& text) const;
  std::string date(const Date& date) const;  // "" when absent
  // The record's name or title for <title>, or its id when it has none in any language.
  std::string title_of(const Record& record) const;

  // --- URLs -----------------------------------------------------------------------------
  // "/en/persons/" or "/en/persons/p0123456789" for a kind ("person") and optional id.
  std::string url_of(std::string_view kind, std::string_view id = "") const;
  std::string url(std::string_view rest) const;  // "/en" + rest

  // --- responses ------------------------------------------------------------------------
  // Renders `tmpl` with `data` inside the site layout (header, language links, footer).
  http::Response page(std::string_view tmpl, nlohmann::json data, const std::string& title) const;
  // An error page in the reader's language: what happened and what to do.
  http::Response error(int status, std::string_view detail = "") const;
  // The error page for a refusal from below: forbidden 403, not found 404, conflict 409,
  // invalid 422 (each with its message), anything else 503.
  http::Response error(const Status& status) const;

 private:
  std::chrono::system_clock::time_point now_ = std::chrono::system_clock::now();
};

// The string, or null when it is empty: a template's {{#x}} shows an empty string too.
inline nlohmann::json or_null(std::string s) {
  return s.empty() ? nlohmann::json() : nlohmann::json(std::move(s));
}

// The kind's URL segment: "person" -> "persons".
std::string_view section_of(std::string_view kind);

// A JSON answer of the API, and its errors: {"error": {"status": ..., "message": ...}}.
http::Response json_response(int status, std::string body);
http::Response json_error(int status, std::string_view message);

// A file to save rather than show (CSV, JSON, PDF), named `name`.
http::Response download(std::string type, std::string body, const std::string& name);

}  // namespace jz::web
