// jianzheng watch --since DAY: every change to a record since that day (UTC), newest first,
// from the revision chain. With --public, only records the public may see now, and without
// who made the change or why (the history may name the team).
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/command.hpp"
#include "core/partial_date.hpp"
#include "core/redact.hpp"

namespace jz::cli {
namespace {

using nlohmann::json;

// What a change shows of its record as it is now.
struct Current {
  bool shown = false;  // false: left out (not public now, with --public)
  std::string kind = {};
  Text label = {};
  std::string fallback = {};  // for a record without a name: an event's date and type
};

Current current(store::Store& store, const std::string& id, const IsPublic* is_public) {
  auto stored = store.get(id);
  // A record the store cannot read now: listed by id for the team, never for the public.
  if (!stored) return {.shown = is_public == nullptr};
  std::optional<Record> r = *stored;
  if (is_public) r = public_view(*stored, *is_public);
  if (!r) return {};
  Current out{.shown = true, .kind = std::string(r->kind()), .label = r->label()};
  if (const auto* e = std::get_if<Event>(&r->body))
    out.fallback = e->date.to_string() + " " + e->type;
  return out;
}

std::string label_text(const Current& c) {
  const Text& l = c.label;
  std::string zh = l.zh.empty() ? l.zh_hant : l.zh;
  std::string out = zh + (zh.empty() || l.en.empty() ? "" : " / ") + l.en;
  return out.empty() ? c.fallback : out;
}

// One line of text per change: tabs and line breaks inside a field become spaces.
std::string field(std::string s) {
  for (auto& ch : s)
    if (ch == '\t' || ch == '\n' || ch == '\r') ch = ' ';
  return s;
}

}  // namespace

void add_watch(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand(
      "watch",
      "Every change to a record since a day (UTC), newest first: when, record, kind, "
      "revision, author, reason, and the record's name now");
  struct Args {
    std::string since;
    bool is_public = false;
    std::string format = "text";
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("--since", a->since, "the first day to list, YYYY-MM-DD (UTC)")->required();
  cmd->add_flag("--public", a->is_public,
                "only records the public may see now, without author and reason");
  cmd->add_option("--format", a->format, "text or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&g, a] {
    auto day = PartialDate::parse(a->since);
    if (!day || !day->is_exact_day() || day->to_string() != a->since) {
      g.exit_code = fail(Status::invalid("--since \"" + a->since +
                                         "\": give a day as YYYY-MM-DD, e.g. 2026-01-31"));
      return;
    }
    auto store = open_store(g);
    if (!store) {
      g.exit_code = 1;
      return;
    }
    std::optional<IsPublic> oracle;
    if (a->is_public) {
      auto o = store::public_oracle(*store);
      if (!o) {
        g.exit_code = fail(o.status());
        return;
      }
      oracle = std::move(*o);
    }
    // Revision times are "YYYY-MM-DDTHH:MM:SSZ": they compare as text.
    const std::string from = a->since + "T00:00:00Z";
    std::map<std::string, Current> seen;
    json changes = json::array();
    std::int64_t count = 0;
    constexpr std::int64_t kPage = 500;
    for (std::int64_t offset = 0;; offset += kPage) {
      auto page = store->recent_revisions(offset, kPage);
      if (!page) {
        g.exit_code = fail(page.status());
        return;
      }
      bool older = false;
      for (const auto& rev : *page) {
        if (rev.at < from) {
          older = true;
          break;
        }
        auto it = seen.find(rev.record_id);
        if (it == seen.end())
          it = seen.emplace(rev.record_id,
                            current(*store, rev.record_id, oracle ? &*oracle : nullptr))
                   .first;
        const Current& c = it->second;
        if (!c.shown) continue;
        ++count;
        if (a->format == "json") {
          json change = {{"at", rev.at},
                         {"id", rev.record_id},
                         {"kind", c.kind},
                         {"revision", rev.revision},
                         {"label", {{"zh", c.label.zh}, {"en", c.label.en}}}};
          if (!c.label.zh_hant.empty()) change["label"]["zh_hant"] = c.label.zh_hant;
          if (!a->is_public) {
            change["author"] = rev.author;
            change["reason"] = rev.reason;
          }
          changes.push_back(std::move(change));
          continue;
        }
        std::cout << rev.at << '\t' << rev.record_id << '\t' << (c.kind.empty() ? "-" : c.kind)
                  << "\tr" << rev.revision;
        if (!a->is_public) std::cout << '\t' << field(rev.author) << '\t' << field(rev.reason);
        std::cout << '\t' << field(label_text(c)) << '\n';
      }
      if (older || static_cast<std::int64_t>(page->size()) < kPage) break;
    }
    if (a->format == "json")
      std::cout << json{{"since", a->since}, {"public", a->is_public}, {"changes", changes}}.dump(
                       2, ' ', false, json::error_handler_t::replace)
                << "\n";
    std::cerr << count << (count == 1 ? " change" : " changes") << " since " << a->since
              << " (UTC)\n";
  });
}

}  // namespace jz::cli
