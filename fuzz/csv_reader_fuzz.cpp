// CsvReader on any bytes: never crashes or loops, every field has a position, and an error
// names a place in the file.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "exchange/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  jz::exchange::CsvReader reader(in, "f.csv");
  std::vector<jz::exchange::CsvField> row;
  for (std::size_t rows = 0; rows <= size + 1; ++rows) {
    auto more = reader.next(row);
    if (!more) {
      if (more.status().message().rfind("f.csv:", 0) != 0) std::abort();
      return 0;
    }
    if (!*more) return 0;
    for (const auto& f : row)
      if (f.line == 0 || f.column == 0) std::abort();
  }
  std::abort();  // more rows than bytes: the reader is not advancing
}
