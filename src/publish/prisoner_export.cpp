#include "publish/prisoner_export.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "i18n/date_format.hpp"
#include "publish/pdf_table.hpp"

namespace jz::publish {
namespace {

using i18n::Lang;
using nlohmann::json;

// A vocabulary label in both languages.
Text label(const i18n::Messages& m, const std::string& list, const std::string& value) {
  if (value.empty()) return {};
  std::string key = list + "." + value;
  return {.zh = std::string(m.get(Lang::kZhHans, key)),
          .zh_hant = {},
          .en = std::string(m.get(Lang::kEn, key))};
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const auto& p : parts)
    if (!p.empty()) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::string in(const Text& t, Lang lang) {
  return lang == Lang::kEn ? (t.en.empty() ? t.zh : t.en) : (t.zh.empty() ? t.en : t.zh);
}

Text sentence_text(const i18n::Messages& m, const Sentence& s) {
  Text out;
  for (Lang lang : {Lang::kZhHans, Lang::kEn}) {
    std::vector<std::string> parts;
    if (!s.type.empty()) parts.emplace_back(m.get(lang, "sentence_type." + s.type));
    if (s.years || s.months)
      parts.push_back(i18n::format_duration_years_months(s.years, s.months, lang));
    (lang == Lang::kEn ? out.en : out.zh) = join(parts, lang == Lang::kEn ? ", " : "，");
  }
  return out;
}

// A cell as RFC 4180 writes it. One that begins as a formula would (=, +, -, @, a tab or a
// carriage return) gets a ' first, so a spreadsheet shows the text instead of running it: the
// lists are public downloads, and names and notes come from imported data.
std::string csv_field(const std::string& s) {
  const bool formula =
      !s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos;
  const std::string cell = formula ? "'" + s : s;
  if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::vector<PrisonerRow> prisoner_rows(const std::vector<Prisoner>& prisoners,
                                       const i18n::Messages& m) {
  std::vector<PrisonerRow> rows;
  for (const auto& p : prisoners) {
    const auto& who = std::get<Person>(p.person.body);
    PrisonerRow row{.id = p.person.id, .name = who.name, .pinyin = p.pinyin};
    row.status = label(m, "person_status", who.status);
    std::vector<std::string> zh, en;
    for (const auto& c : p.cases)
      for (const auto& charge : std::get<Case>(c.body).charges) {
        std::string article = charge.article.empty() ? "" : charge.article;
        zh.push_back(in(charge.name, Lang::kZhHans) +
                     (article.empty() ? "" : "（第" + article + "条）"));
        en.push_back(in(charge.name, Lang::kEn) +
                     (article.empty() ? "" : " (art. " + article + ")"));
      }
    row.charges = {.zh = join(zh, "；"), .zh_hant = {}, .en = join(en, "; ")};
    for (const auto& c : p.cases) {
      const auto& s = std::get<Case>(c.body).sentence;
      if (!s.empty() && row.sentence.empty()) row.sentence = sentence_text(m, s);
    }
    row.facility = p.facility_name;
    row.health = who.health;
    row.verified = who.status_verified ? who.status_verified->to_string() : "";
    row.priority = p.score.total;
    row.chosen = p.chosen;
    rows.push_back(std::move(row));
  }
  return rows;
}

namespace {

// The CSV of `prisoners`; with the column saying who is linked to the opportunity and who
// only suggested when `chosen_column`.
std::string csv_of(const std::vector<Prisoner>& prisoners, const i18n::Messages& m,
                   bool chosen_column) {
  std::string out = "\xEF\xBB\xBF";
  out +=
      "id,name_zh,name_en,pinyin,status_zh,status_en,charges_zh,charges_en,sentence_zh,"
      "sentence_en,facility_zh,facility_en,health_zh,health_en,last_verified,priority";
  out += chosen_column ? ",chosen\r\n" : "\r\n";
  for (const auto& r : prisoner_rows(prisoners, m)) {
    char priority[32];
    std::snprintf(priority, sizeof priority, "%.1f", r.priority);
    std::vector<std::string> cells = {r.id,          r.name.zh,     r.name.en,     r.pinyin,
                                      r.status.zh,   r.status.en,   r.charges.zh,  r.charges.en,
                                      r.sentence.zh, r.sentence.en, r.facility.zh, r.facility.en,
                                      r.health.zh,   r.health.en,   r.verified,    priority};
    if (chosen_column) cells.emplace_back(r.chosen ? "yes" : "suggested");
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + csv_field(cells[i]);
    out += line + "\r\n";
  }
  return out;
}

}  // namespace

std::string prisoners_csv(const PrisonerList& list, const i18n::Messages& m) {
  return csv_of(list.prisoners, m, true);
}

std::string ranking_csv(const std::vector<Prisoner>& ranked, const i18n::Messages& m) {
  return csv_of(ranked, m, false);
}

std::string prisoners_json(const PrisonerList& list, const i18n::Messages& m) {
  auto text = [](const Text& t) { return json{{"zh", t.zh}, {"en", t.en}}; };
  const auto& e = std::get<Event>(list.opportunity.body);
  json out = {{"opportunity",
               {{"id", list.opportunity.id},
                {"title", text(e.title)},
                {"type", e.type},
                {"date", e.date.to_string()}}},
              {"suggested", list.suggested},
              {"prisoners", json::array()}};
  auto rows = prisoner_rows(list.prisoners, m);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    json parts = json::array();
    for (const auto& part : list.prisoners[i].score.parts)
      parts.push_back({{"criterion", part.criterion},
                       {"points", part.points},
                       {"weight", part.weight},
                       {"value", part.value}});
    out["prisoners"].push_back({{"id", r.id},
                                {"name", text(r.name)},
                                {"pinyin", r.pinyin},
                                {"status", text(r.status)},
                                {"charges", text(r.charges)},
                                {"sentence", text(r.sentence)},
                                {"facility", text(r.facility)},
                                {"health", text(r.health)},
                                {"last_verified", r.verified},
                                {"priority", {{"score", r.priority}, {"parts", parts}}},
                                {"chosen", r.chosen}});
  }
  return out.dump(2) + "\n";
}

Result<std::string> prisoners_pdf(const PrisonerList& list, const i18n::Messages& m) {
  const auto& e = std::get<Event>(list.opportunity.body);
  auto both = [](const Text& t) {
    std::string zh = in(t, Lang::kZhHans), en = in(t, Lang::kEn);
    return zh == en ? zh : join({zh, en}, "\n");
  };
  auto words = [&](const char* key) {
    return std::string(m.get(Lang::kZhHans, key)) + " " + std::string(m.get(Lang::kEn, key));
  };
  PdfTable table;
  table.title = both(e.title);
  if (table.title.empty()) table.title = words("ui.prisoner_list");
  table.title = join({table.title, words("ui.prisoner_list")}, " · ");
  table.subtitle = e.date.to_string() + " · " + both(label(m, "event_type", e.type));
  if (list.suggested) table.subtitle += "\n" + words("ui.prisoners_suggested");
  table.columns = {words("ui.prisoner_name"),     words("ui.status"),      words("ui.charges"),
                   words("ui.sentence"),          words("kinds.facility"), words("ui.health"),
                   words("field.status_verified")};
  table.widths = {2.2, 1.3, 2.2, 1.6, 1.8, 2.2, 1.1};
  for (const auto& r : prisoner_rows(list.prisoners, m))
    table.rows.push_back(
        {join({r.name.zh, r.pinyin, r.name.en == r.name.zh ? "" : r.name.en}, "\n"), both(r.status),
         both(r.charges), both(r.sentence), both(r.facility), both(r.health), r.verified});
  table.footer = "Jianzheng 见证 · " + list.opportunity.id;
  table.created = list.opportunity.updated;
  for (const auto& p : list.prisoners) table.created = std::max(table.created, p.person.updated);
  return render_pdf(table);
}

}  // namespace jz::publish
