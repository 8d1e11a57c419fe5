#pragma once
// Importers and the exporter. Every import runs in one transaction: a bad row anywhere
// means an error naming file:line:column and a database exactly as it was before.
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "store/store.hpp"

namespace jz::exchange {

struct ImportOptions {
  std::string author = "import";
  // The day an import reads "now" as (YYYY-MM-DD): a CPPC sentence ending before it counts
  // as served. Empty means today (UTC).
  std::string as_of;
  // Generic CSV only: the column mapping file (see docs/IMPORT.md).
  std::string mapping_path;
  // CPPC only: refuse irregular dates instead of reading them at a coarser precision.
  bool strict = false;
  // UPR Info only: the state whose recommendations are imported, as in the To column.
  std::string upr_to = "China";
  // Called now and then with bytes read and the file's size.
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

struct ImportReport {
  std::int64_t rows = 0;
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  // Values read in a defined but lossy way ("file:line:column: ..."), for the user to check.
  std::vector<std::string> warnings;
};

Result<ImportReport> import_jsonl(store::Store& store, const std::string& path,
                                  const ImportOptions& options);
Result<ImportReport> import_cppc(store::Store& store, const std::string& path,
                                 const ImportOptions& options);
Result<ImportReport> import_mapped_csv(store::Store& store, const std::string& path,
                                       const ImportOptions& options);
// UPR Info's CSV of Universal Periodic Review recommendations as published (MacRoman, CR
// line ends): the rows to options.upr_to become recommendations, each under the review of
// its session (created when missing, never overwritten).
Result<ImportReport> import_upr_info(store::Store& store, const std::string& path,
                                     const ImportOptions& options);
// The id of the review record of the UPR of state `to` (as UPR Info names it, "China") in
// Working Group session `session`: the one the UPR Info import files recommendations under.
std::string upr_review_id(std::string_view to, int session);

// Writes every record (or only the public view of public ones) as canonical JSON Lines in
// id order: exporting, importing into an empty database and exporting again gives the
// same bytes.
Status export_jsonl(store::Store& store, std::ostream& out, bool public_only);

}  // namespace jz::exchange
