#include "exchange/csv_reader.hpp"

#include "core/utf8.hpp"

namespace jz::exchange {

CsvReader::CsvReader(std::istream& in, std::string file_name)
    : in_(in), file_(std::move(file_name)) {}

std::string CsvReader::where(std::size_t line, std::size_t column) const {
  return file_ + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
}

Status CsvReader::read_header(std::span<const std::string_view> expected, std::string_view whose,
                              bool extra_columns) {
  std::vector<CsvField> fields;
  auto more = next(fields);
  if (!more) return more.status();
  if (!*more) return Status::invalid(file_ + ": the file is empty");
  std::string names;
  for (auto name : expected) names += (names.empty() ? "" : ",") + std::string(name);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (i >= fields.size() || fields[i].value != expected[i])
      return Status::invalid(where(1, i < fields.size() ? fields[i].column : 1) + "expected " +
                             std::string(whose) + " \"" + names + "\"; column " +
                             std::to_string(i + 1) + " should be \"" + std::string(expected[i]) +
                             "\"");
  }
  if (!extra_columns && fields.size() > expected.size())
    return Status::invalid(where(1, fields[expected.size()].column) + std::string(whose) + " has " +
                           std::to_string(expected.size()) + " columns; remove the ones after " +
                           std::string(expected.back()));
  return Status::ok();
}

int CsvReader::peek() {
  return in_.peek();
}

// Reads one byte and keeps line and column: a column counts characters, not bytes, so
// UTF-8 continuation bytes do not advance it.
int CsvReader::get() {
  int c = in_.get();
  if (c == std::char_traits<char>::eof()) return c;
  ++bytes_;
  if (c == '\n' || (c == '\r' && peek() != '\n')) {
    ++line_;
    column_ = 1;
  } else if (c != '\r' && (c & 0xC0) != 0x80) {
    ++column_;
  }
  return c;
}

Status CsvReader::check_utf8(const CsvField& f) const {
  auto bad = first_invalid_utf8(f.value);
  if (!bad) return Status::ok();
  // Count characters and line breaks up to the bad byte to point at it exactly.
  std::size_t line = f.line, column = f.column;
  for (std::size_t i = 0; i < *bad; ++i) {
    unsigned char c = static_cast<unsigned char>(f.value[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
  return Status::invalid(where(line, column) +
                         "the file is not UTF-8 here; save it as UTF-8 (for example "
                         "`iconv -f GB18030 -t UTF-8 in.csv > out.csv`) and import again");
}

Result<bool> CsvReader::next(std::vector<CsvField>& row) {
  constexpr int kEof = std::char_traits<char>::eof();
  row.clear();
  if (!started_) {
    started_ = true;
    // Skip a UTF-8 byte-order mark.
    if (peek() == 0xEF) {
      char bom[3];
      in_.read(bom, 3);
      if (in_.gcount() == 3 && bom[1] == '\xBB' && bom[2] == '\xBF') {
        bytes_ += 3;
      } else {
        in_.clear();
        in_.seekg(0);
      }
    }
  }
  if (peek() == kEof) return false;

  CsvField field{"", line_, column_};
  while (true) {
    int c = get();
    if (c == '"' && field.value.empty()) {
      // Quoted field: runs to the closing quote; "" is a literal quote.
      std::size_t open_line = field.line, open_column = field.column;
      while (true) {
        c = get();
        if (c == kEof)
          return Status::invalid(where(open_line, open_column) +
                                 "this quoted field is never closed; add the closing \"");
        if (c == '"') {
          if (peek() == '"') {
            get();
            field.value += '"';
            continue;
          }
          break;
        }
        field.value += static_cast<char>(c);
      }
      c = get();
      if (c != ',' && c != '\n' && c != '\r' && c != kEof)
        return Status::invalid(where(line_, column_ - 1) +
                               "unexpected text after a closing quote; quote the whole field and "
                               "double any \" inside it");
    } else {
      while (c != ',' && c != '\n' && c != '\r' && c != kEof) {
        if (c == '"')
          return Status::invalid(where(line_, column_ - 1) +
                                 "a quote inside an unquoted field; quote the field and write the "
                                 "quote as \"\"");
        field.value += static_cast<char>(c);
        c = get();
      }
    }
    JZ_RETURN_IF_ERROR(check_utf8(field));
    row.push_back(std::move(field));
    if (c == ',') {
      field = CsvField{"", line_, column_};
      continue;
    }
    if (c == '\r' && peek() == '\n') get();
    return true;
  }
}

}  // namespace jz::exchange
