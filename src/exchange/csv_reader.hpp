#pragma once
// A streaming RFC 4180 CSV reader that remembers where every field starts, so an import
// error can say "people.csv:17:23". Accepts LF, CRLF and old-Mac CR line endings and a
// UTF-8 byte-order mark; refuses text that is not UTF-8, at the first bad byte.
#include <cstdint>
#include <istream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace jz::exchange {

struct CsvField {
  std::string value;
  std::size_t line = 0;    // 1-based line where the field starts
  std::size_t column = 0;  // 1-based column in characters
};

class CsvReader {
 public:
  CsvReader(std::istream& in, std::string file_name);
  // Reads the next row into `row`; false at the end of the file.
  Result<bool> next(std::vector<CsvField>& row);
  // Reads the first row and checks it starts with `expected`; `extra_columns` says whether
  // more may follow. `whose` names the header in messages: "the CPPC header".
  Status read_header(std::span<const std::string_view> expected, std::string_view whose,
                     bool extra_columns);
  std::uint64_t bytes_read() const { return bytes_; }
  std::size_t line() const { return line_; }
  const std::string& file_name() const { return file_; }
  // "file:line:column: " for messages.
  std::string where(std::size_t line, std::size_t column) const;

 private:
  int get();
  int peek();
  Status check_utf8(const CsvField& f) const;

  std::istream& in_;
  std::string file_;
  std::uint64_t bytes_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 1;
  bool started_ = false;
};

}  // namespace jz::exchange
