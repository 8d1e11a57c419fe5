// Generates synthetic CPPC rows from the real list's field distributions. Every field is
// drawn by picking a random real row and building a new value of the same shape:
//   Name    a plain Han name keeps its length: a real surname plus real given-name
//           characters, each drawn with its real frequency; a transliterated name (维吾尔,
//           藏 names joined with •, names with a bracketed alias) keeps its number of
//           segments, each a real segment, joined with •.
//   Gender  the real value (so the real male/female/empty ratio).
//   Dates   the same precision as the real value (YYYY, YYYY-MM, YYYY-MM-DD, empty) and the
//           same year, a random month and day; the few irregular real values ("19812") are
//           copied as they are, so the importer's lenient path runs at the real rate.
//   Place   a real place value (empty included).
//   Sentence the real keyword (detention, life, unknown, death) or a date built as above.
//   Source  as many URLs as the real row has; the first a CPPC profile URL with the row
//           number in it (so name + first URL is unique), the others on the hosts the real
//           list uses for its second URLs, also unique.
// Random numbers come from splitmix64 with a fixed seed, not <random>'s distributions, so
// the file is the same with every standard library.
#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

#include "bench_util.hpp"
#include "cppc_synthetic.hpp"
#include "exchange/csv_reader.hpp"

namespace jz::bench {
namespace {

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

enum class DateShape { kEmpty, kYear, kMonth, kDay, kOther };

DateShape shape_of(const std::string& v) {
  if (v.empty()) return DateShape::kEmpty;
  if (v.size() == 4 && all_digits(v)) return DateShape::kYear;
  if (v.size() == 7 && all_digits(v.substr(0, 4)) && v[4] == '-' && all_digits(v.substr(5)))
    return DateShape::kMonth;
  if (v.size() == 10 && all_digits(v.substr(0, 4)) && v[4] == '-' && all_digits(v.substr(5, 2)) &&
      v[7] == '-' && all_digits(v.substr(8)))
    return DateShape::kDay;
  return DateShape::kOther;
}

int days_in(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

void append_2(std::string& out, int v) {
  out += static_cast<char>('0' + v / 10);
  out += static_cast<char>('0' + v % 10);
}

// A new value with the shape and year of the real value `v`; keywords and irregular
// values are kept as they are.
void synth_date(const std::string& v, Rng& rng, std::string& out) {
  DateShape shape = shape_of(v);
  if (shape == DateShape::kEmpty || shape == DateShape::kOther) {
    out += v;
    return;
  }
  out.append(v, 0, 4);
  if (shape == DateShape::kYear) return;
  int year = std::stoi(v.substr(0, 4));
  int month = 1 + static_cast<int>(rng.below(12));
  out += '-';
  append_2(out, month);
  if (shape == DateShape::kMonth) return;
  out += '-';
  append_2(out, 1 + static_cast<int>(rng.below(static_cast<std::size_t>(days_in(year, month)))));
}

void append_csv(std::string& out, const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_number(std::string& out, std::int64_t n, std::size_t width) {
  std::string digits = std::to_string(n);
  if (digits.size() < width) out.append(width - digits.size(), '0');
  out += digits;
}

struct NameShape {
  bool han = true;
  std::size_t parts = 0;  // characters of a Han name, segments of another
};

struct Pools {
  std::vector<NameShape> shapes;
  std::vector<std::string> surnames, given, segments;
  std::vector<std::string> genders, born, died, places, sentences;
  std::vector<std::size_t> url_counts;
  std::vector<std::string> url_months;    // "2014/02" from the real first URLs
  std::vector<std::string> second_hosts;  // hosts of the real second and later URLs
  std::int64_t rows = 0;
};

constexpr std::string_view kHeader[] = {"Name",  "Gender",   "Date of Birth", "Date of Death",
                                        "Place", "Sentence", "Source"};

Result<Pools> read_real(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io(path + ": cannot read the real CPPC list");
  exchange::CsvReader reader(in, path);
  std::vector<exchange::CsvField> f;
  auto more = reader.next(f);
  if (!more) return more.status();
  for (std::size_t i = 0; i < std::size(kHeader); ++i)
    if (!*more || f.size() != std::size(kHeader) || f[i].value != kHeader[i])
      return Status::invalid(path + ": not the CPPC header");
  Pools p;
  while (true) {
    more = reader.next(f);
    if (!more) return more.status();
    if (!*more) break;
    if (f.size() == 1 && f[0].value.empty()) continue;
    if (f.size() != std::size(kHeader))
      return Status::invalid(reader.where(f[0].line, 1) + "expected 7 columns");
    ++p.rows;
    const std::string& name = f[0].value;
    const auto chars = characters(name);
    bool han = !chars.empty();
    for (const auto& c : chars) han = han && is_han(c.cp);
    if (han) {
      p.shapes.push_back({true, chars.size()});
      p.surnames.push_back(name.substr(chars[0].start, chars[0].size));
      for (std::size_t i = 1; i < chars.size(); ++i)
        p.given.push_back(name.substr(chars[i].start, chars[i].size));
    } else {
      std::size_t parts = 0;
      std::string segment;
      auto flush = [&] {
        if (segment.empty()) return;
        p.segments.push_back(segment);
        segment.clear();
        ++parts;
      };
      for (const auto& c : chars) {
        if (is_name_separator(c.cp))
          flush();
        else
          segment += name.substr(c.start, c.size);
      }
      flush();
      p.shapes.push_back({false, std::max<std::size_t>(parts, 1)});
    }
    p.genders.push_back(f[1].value);
    p.born.push_back(f[2].value);
    p.died.push_back(f[3].value);
    p.places.push_back(f[4].value);
    p.sentences.push_back(f[5].value);
    std::size_t urls = 0;
    std::string_view rest = f[6].value;
    while (!rest.empty()) {
      auto start = rest.find_first_not_of(" \t");
      if (start == std::string_view::npos) break;
      rest.remove_prefix(start);
      auto end = rest.find_first_of(" \t");
      std::string_view url = rest.substr(0, end);
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
      auto host_at = url.find("//");
      std::string_view after = host_at == std::string_view::npos ? url : url.substr(host_at + 2);
      std::string_view host = after.substr(0, after.find('/'));
      if (urls == 0) {
        // https://cppc1989.blogspot.com/2014/02/cppc00002.html: keep "2014/02".
        std::string_view path_part = after.substr(host.size());
        if (path_part.size() >= 9 && all_digits(path_part.substr(1, 4)) &&
            all_digits(path_part.substr(6, 2)))
          p.url_months.emplace_back(path_part.substr(1, 7));
      } else {
        p.second_hosts.emplace_back(host);
      }
      ++urls;
    }
    p.url_counts.push_back(std::max<std::size_t>(urls, 1));
  }
  if (p.rows == 0 || p.surnames.empty() || p.given.empty())
    return Status::invalid(path + ": too few rows to learn from");
  if (p.segments.empty()) p.segments = p.given;
  if (p.url_months.empty()) p.url_months.push_back("2014/02");
  if (p.second_hosts.empty()) p.second_hosts.push_back("www.example.org");
  return p;
}

}  // namespace

Result<SyntheticFile> make_cppc_synthetic(const std::string& real_csv, const std::string& out_path,
                                          std::int64_t rows, std::uint64_t seed) {
  auto pools = read_real(real_csv);
  if (!pools) return pools.status();
  const Pools& p = *pools;

  std::unique_ptr<std::FILE, int (*)(std::FILE*)> out(std::fopen(out_path.c_str(), "wb"),
                                                      &std::fclose);
  if (!out) return Status::io(out_path + ": cannot create");
  SyntheticFile made;
  made.real_rows = p.rows;
  Rng rng(seed);
  std::string buf = "Name,Gender,Date of Birth,Date of Death,Place,Sentence,Source\n";
  std::string name, urls;
  for (std::int64_t row = 1; row <= rows; ++row) {
    name.clear();
    const NameShape& shape = rng.pick(p.shapes);
    if (shape.han) {
      name += rng.pick(p.surnames);
      for (std::size_t i = 1; i < shape.parts; ++i) name += rng.pick(p.given);
    } else {
      for (std::size_t i = 0; i < shape.parts; ++i) {
        if (i) name += "•";
        name += rng.pick(p.segments);
      }
    }
    append_csv(buf, name);
    buf += ',';
    append_csv(buf, rng.pick(p.genders));
    buf += ',';
    synth_date(rng.pick(p.born), rng, buf);
    buf += ',';
    synth_date(rng.pick(p.died), rng, buf);
    buf += ',';
    append_csv(buf, rng.pick(p.places));
    buf += ',';
    synth_date(rng.pick(p.sentences), rng, buf);
    buf += ',';
    urls.clear();
    urls += "https://cppc1989.blogspot.com/";
    urls += rng.pick(p.url_months);
    urls += "/cppc-synthetic-";
    append_number(urls, row, 7);
    urls += ".html";
    const std::size_t count = rng.pick(p.url_counts);
    for (std::size_t i = 1; i < count; ++i) {
      urls += " https://";
      urls += rng.pick(p.second_hosts);
      urls += "/synthetic/";
      append_number(urls, row, 7);
      urls += '-';
      urls += std::to_string(i + 1);
      urls += ".html";
    }
    made.urls += static_cast<std::int64_t>(count);
    append_csv(buf, urls);
    buf += '\n';
    if (buf.size() >= (1u << 20)) {
      if (std::fwrite(buf.data(), 1, buf.size(), out.get()) != buf.size())
        return Status::io(out_path + ": write failed");
      made.bytes += buf.size();
      buf.clear();
    }
  }
  if (std::fwrite(buf.data(), 1, buf.size(), out.get()) != buf.size())
    return Status::io(out_path + ": write failed");
  made.bytes += buf.size();
  if (std::fflush(out.get()) != 0) return Status::io(out_path + ": write failed");
  made.rows = rows;
  return made;
}

}  // namespace jz::bench
