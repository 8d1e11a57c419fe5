#pragma once
// Synthetic rows in the CPPC list's CSV format whose fields follow the distributions of the
// real list, read at run time. Used by the import benchmark; deterministic for a given seed
// and real file.
#include <cstdint>
#include <string>

#include "core/status.hpp"

namespace jz::bench {

struct SyntheticFile {
  std::int64_t rows = 0;       // data rows written (the header not counted)
  std::int64_t urls = 0;       // source URLs written, over all rows
  std::uint64_t bytes = 0;     // size of the file
  std::int64_t real_rows = 0;  // rows of the real file the distributions come from
};

// Writes `rows` rows plus the header "Name,Gender,Date of Birth,Date of Death,Place,Sentence,
// Source" to `out_path`. Every row has a distinct name + first URL pair, so each one is a
// distinct person for the importer.
Result<SyntheticFile> make_cppc_synthetic(const std::string& real_csv, const std::string& out_path,
                                          std::int64_t rows, std::uint64_t seed);

}  // namespace jz::bench
