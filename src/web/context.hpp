#pragma once
// What every handler may use. Site is read-only after start-up and shared by all workers;
// each request borrows its own store reader from the pool; the cache holds rendered pages.
#include <chrono>

#include "core/redact.hpp"
#include "i18n/messages.hpp"
#include "i18n/script_converter.hpp"
#include "monitor/priority.hpp"
#include "web/mirror_list.hpp"
#include "web/page_cache.hpp"
#include "web/reader_pool.hpp"
#include "web/static_assets.hpp"
#include "web/templates.hpp"

namespace jz::web {

// What the organisation sets beside the data, by options of `serve` and `publish`.
struct SiteSettings {
  monitor::PriorityWeights priority_weights = {};  // `--priority-weights FILE`
  // The fingerprint of the key that signs the site's mirrors (src/mirror), shown on every
  // page, and the keys it replaced, newest first; empty when the site has no key (`--keys`).
  std::string signing_key = {};
  std::vector<std::string> earlier_keys = {};
  std::vector<KnownMirror> mirrors = {};  // for the mirrors page (`--mirrors FILE`)
};

struct Site {
  Templates templates;
  i18n::ScriptConverter script;
  i18n::Messages messages;
  StaticAssets assets;
  SiteSettings settings = {};

  // Loads the catalogue and the conversion tables (OpenCC); fails if they are missing.
  static Result<std::unique_ptr<Site>> load();
};

class TeamDesk;

class ExportMemo;

// Set while `publish` renders a static mirror: every page is rendered as of `now`, with one
// redaction oracle for the whole export, is never cached, and leaves out what only a server
// can answer (filter choices).
struct MirrorRender {
  IsPublic visible;
  std::chrono::system_clock::time_point now;
  ExportMemo* memo = nullptr;  // what the export's pages compute alike (export_memo.hpp)
};

struct Context {
  const Site& site;
  ReaderPool& readers;
  PageCache& cache;
  // Logins and sessions (team_desk.hpp); without it, routes for the team answer 503.
  TeamDesk* desk = nullptr;
  const MirrorRender* mirror = nullptr;
};

}  // namespace jz::web
