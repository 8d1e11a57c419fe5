#include "web/mirror_export.hpp"

#include <algorithm>
#include <optional>
#include <thread>

#include "core/program_id.hpp"
#include "monitor/time_limit.hpp"
#include "search/static_index.hpp"
#include "web/mirror_changes.hpp"
#include "web/mirror_exporter.hpp"
#include "web/mirror_paths.hpp"
#include "web/mirror_records.hpp"
#include "web/mirror_sitemaps.hpp"
#include "web/routes.hpp"

namespace jz::web {

namespace fs = std::filesystem;

namespace {

// The pages that no other page need link to: each language's pages without an {id}, in the
// route table's order. Records' pages are added from the store; everything else (a case's
// feed, a review's shadow report, a list's later pages) is found by following links.
std::vector<std::string> fixed_pages() {
  std::vector<std::string> out;
  for (auto lang : i18n::all_langs())
    for (const auto& route : routes()) {
      std::string_view p = route.pattern;
      if (route.method != "GET" || route.access != Access::kPublic || !p.starts_with("/{lang}/") ||
          p.find("{id}") != p.npos || p.find("{collection}") != p.npos)
        continue;
      std::string url = "/" + std::string(i18n::url_prefix(lang)) + std::string(p.substr(7));
      if (mirror_file(url)) out.push_back(std::move(url));
    }
  return out;
}

// What the pages' bytes depend on besides the store and the day: this build of the program
// (its code, templates and messages), the site's settings and the options that shape links.
std::string renderer_of(const Site& site, const MirrorOptions& options) {
  auto program = program_id();
  if (program.empty()) return "";  // unknown: nothing rendered before can be trusted
  Blake2b h;
  auto field = [&](std::string_view s) { h.update(s).update(std::string_view("\0", 1)); };
  field(program);
  field(options.live_origin);
  field(options.base_url);
  const auto& settings = site.settings;
  const auto& w = settings.priority_weights;
  for (double d :
       {w.serious_illness, w.long_sentence, w.without_trial, w.age, w.denied_access, w.opportunity})
    field(std::to_string(d));
  for (int i : {w.long_sentence_years, w.without_trial_days, w.age_from, w.opportunity_days})
    field(std::to_string(i));
  field(settings.signing_key);
  for (const auto& k : settings.earlier_keys) field(k);
  field("mirrors");
  for (const auto& m : settings.mirrors)
    for (const auto* s : {&m.url, &m.note.zh, &m.note.zh_hant, &m.note.en}) field(*s);
  return to_hex(h.finish());
}

}  // namespace

Result<MirrorReport> export_mirror(const Site& site, ReaderPool& readers,
                                   const MirrorOptions& options) {
  std::error_code ec;
  if (options.out_holds.empty() && fs::exists(options.out, ec) && !fs::is_empty(options.out, ec))
    return Status::invalid(options.out.string() + ": not empty; give a new directory");
  fs::create_directories(options.out, ec);
  if (ec) return Status::io(options.out.string() + ": " + ec.message());

  // One reader for the snapshot: the generation, who is public, and every public record
  // (its page to render and its line of records.jsonl).
  auto lease = readers.acquire();
  if (!lease) return lease.status();
  store::Store& store = **lease;
  auto generation = store.last_change();
  if (!generation) return generation.status();
  auto oracle = store::public_oracle(store);
  if (!oracle) return oracle.status();
  auto head_hash = revision_hash(store, *generation);
  if (!head_hash) return head_hash.status();
  const std::int64_t day =
      monitor::day_of(monitor::shanghai_minutes(options.now)).time_since_epoch().count();
  MirrorState state{renderer_of(site, options), *generation, *head_hash, day, {}};

  // What the earlier export can give: every page whose reads no change since reaches.
  std::optional<MirrorReuse> reuse;
  std::string rendered_all_because;
  if (MirrorState* earlier = options.previous_state; !earlier) {
    rendered_all_because = "there is no earlier export to build on";
  } else if (state.renderer.empty() || earlier->renderer != state.renderer) {
    rendered_all_because = "the program or the site's settings changed since the earlier export";
  } else {
    auto changed = changed_reads(store, earlier->generation, earlier->head_hash);
    if (!changed) return changed.status();
    if (!*changed) {
      rendered_all_because = "the database is not the one the earlier export showed";
    } else {
      const StringPool& pool = *earlier->strings;
      reuse.emplace(MirrorReuse{options.previous_dir,
                                &earlier->pages,
                                {},
                                {},
                                earlier->day != day,
                                std::move(earlier->broken_links)});
      for (const auto& key : **changed)
        if (auto id = pool.find(key)) reuse->changed.push_back(*id);
      std::sort(reuse->changed.begin(), reuse->changed.end());
      for (auto& page : earlier->pages)
        if (!pooled_in(page, pool)) {
          rendered_all_because = "the earlier export's state holds pages of another state";
          reuse.reset();
          break;
        } else if (!reuse->pages.emplace(page.file.id(), &page).second) {
          rendered_all_because = "the earlier export's state names " + page.file.str() + " twice";
          reuse.reset();
          break;
        }
      // The pages taken name their strings in the earlier state's pool: so do those rendered.
      if (reuse) state.strings = earlier->strings;
    }
  }

  // The oracle notes each id a page asks about: the page changes when that record does.
  const MirrorRender render{[oracle = *oracle](std::string_view id) {
                              note_record(id);
                              return oracle(id);
                            },
                            options.now};
  MirrorExporter exporter(site, readers, options, render, state.strings, reuse ? &*reuse : nullptr);
  search::StaticIndexWriter index;
  std::vector<std::string> roots = fixed_pages();  // with the records' pages, if swept
  for (const auto& name : site.assets.names()) roots.push_back("/static/" + name);
  for (const auto& url : roots) exporter.add(url);

  // The pages without a record render (and the earlier export's are taken) while the records
  // are read, for their pages, their lines of records.jsonl and the search index.
  if (reuse) exporter.start_taking();
  exporter.start();
  auto records = read_mirror_records(store, *oracle, site, render, index);
  Status scanned = records.status();
  if (scanned.is_ok()) scanned = exporter.write("data/records.jsonl", records->jsonl).status();
  if (!scanned.is_ok()) {
    exporter.stop(scanned);
    return scanned;
  }
  exporter.add_record_pages(std::move(records->paths));
  records->jsonl = {};

  // The search index is built while the pages are: when most pages are taken from the earlier
  // export, the render threads wait on each other and leave a core free.
  Result<search::StaticIndexStats> indexed = Status::internal("the search index was not built");
  std::jthread indexing([&index, &exporter, &indexed] {
    indexed = index.write([&exporter](const std::string& name, std::string_view bytes) {
      return exporter.write("search/" + name, bytes).status();
    });
  });
  Status rendered = exporter.finish_pages();
  // The root opens in Simplified Chinese, as the live site's "/" does without a preference;
  // its language links lead to the others.
  const std::string home = "/" + std::string(i18n::url_prefix(i18n::Lang::kZhHans)) + "/";
  if (rendered.is_ok() && !exporter.root_copy_taken())
    rendered = exporter.render(home, std::string(kMirrorRootCopy), false);
  if (rendered.is_ok() && exporter.needs_sweep(roots)) rendered = exporter.sweep(std::move(roots));
  exporter.close_readers();
  indexing.join();
  JZ_RETURN_IF_ERROR(rendered);
  if (!indexed) return indexed.status();

  // Everything above read one state of the database, or the mirror would mix two.
  auto after = store.last_change();
  if (!after) return after.status();
  if (*after != *generation)
    return Status::conflict("the database changed during the export; run it again");

  for (const auto& [name, xml] : mirror_sitemaps(exporter.files(), options.base_url))
    JZ_RETURN_IF_ERROR(exporter.write(name, xml).status());
  JZ_RETURN_IF_ERROR(exporter.remove_stale());
  MirrorReport report = exporter.finish();
  report.generation = *generation;
  report.rendered_all_because = std::move(rendered_all_because);
  state.pages = std::move(report.state.pages);
  state.broken_links = std::move(report.state.broken_links);
  report.state = std::move(state);
  return report;
}

}  // namespace jz::web
