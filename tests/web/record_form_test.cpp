// The workspace's record form (web/record_form.hpp): every field it shows comes back as it
// was, for every record of the demo data; what is typed wrong is reported at its field and
// gives no record; confidential marks follow their list entries.
#include <gtest/gtest.h>

#include <fstream>

#include "core/record_id.hpp"
#include "core/record_json.hpp"
#include "web/call.hpp"
#include "web/record_form.hpp"

namespace jz::web {
namespace {

using json = nlohmann::json;
using Form = std::multimap<std::string, std::string>;

// Ids stand for themselves; anything else names nothing.
Result<std::string> ids_only(std::string_view words, std::string_view) {
  if (is_valid_id(words)) return std::string(words);
  return Status::invalid("no record is named \"" + std::string(words) + "\"");
}

// What a browser sends for a rendered form when nobody changes anything.
void submit(const json& field, Form& out) {
  auto put = [&](const json& name, const json& value) {
    if (value.is_string()) out.emplace(name.get<std::string>(), value.get<std::string>());
  };
  if (field["text"].is_object())
    for (const char* lang : {"zh", "zh_hant", "en"})
      put(field["text"][lang]["name"], field["text"][lang]["value"]);
  if (field["line"].is_object()) put(field["name"], field["line"]["value"]);
  if (field["area"].is_object()) put(field["name"], field["area"]["value"]);
  if (field["check"].is_object() && field["check"]["checked"] == true)
    out.emplace(field["name"].get<std::string>(), "true");
  if (field["choice"].is_object())
    for (const auto& o : field["choice"]["options"])
      if (o["selected"] == true) put(field["name"], o["value"]);
  if (field["choices"].is_object())
    for (const auto& o : field["choices"]["options"])
      if (o["checked"] == true) put(field["name"], o["value"]);
  auto hide = [&](const json& box) {
    if (box.is_object() && box["checked"] == true) put("confidential", box["value"]);
  };
  hide(field["hide"]);
  if (field["object"].is_object())
    for (const auto& f : field["object"]["fields"]) submit(f, out);
  if (field["group"].is_object())
    for (const auto& entry : field["group"]["entries"]) {
      for (const auto& f : entry["fields"]) submit(f, out);
      hide(entry["hide"]);
    }
}

class RecordForm : public ::testing::Test {
 protected:
  void SetUp() override {
    auto site = Site::load();
    ASSERT_TRUE(site) << site.status().message();
    site_ = std::move(*site);
    call_ = std::make_unique<Call>(request_, *site_);
    call_->lang = i18n::Lang::kEn;
  }

  Form browser(const Record& r) {
    json view = record_form_view(*call_, r.kind(), json::parse(to_canonical_json(r)), {});
    Form form;
    for (const char* part : {"body", "envelope"})
      for (const auto& f : view[part]) submit(f, form);
    for (const auto& box : view["other_hidden"]) form.emplace("confidential", box["value"]);
    return form;
  }

  http::Request request_;
  std::unique_ptr<Site> site_;
  std::unique_ptr<Call> call_;
};

TEST_F(RecordForm, EveryDemoRecordComesBackUnchanged) {
  std::ifstream in(JZ_DEMO_FILE);
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    auto record = parse_record(line);
    ASSERT_TRUE(record) << record.status().message();
    FormInput back = read_record_form(record->kind(), record->id, browser(*record), ids_only);
    ASSERT_TRUE(back.record) << record->id << ": " << back.errors.begin()->first << ": "
                             << back.errors.begin()->second;
    // The envelope the store keeps for itself is not in the form.
    back.record->slug = record->slug;
    back.record->created = record->created;
    back.record->updated = record->updated;
    back.record->revision = record->revision;
    EXPECT_EQ(to_canonical_json(*back.record), to_canonical_json(*record));
    ++checked;
  }
  EXPECT_GT(checked, 80);
}

TEST_F(RecordForm, ALawyerComesBackUnchangedAndBadCodesAreReported) {
  for (const char* text :
       {R"({"id":"p0000000w01","kind":"person","visibility":"restricted","confidential":)"
        R"(["/body/lawyer"],"body":{"name":{"en":"A Partner"},"groups":["lawyer"],)"
        R"("status":"unknown","lawyer":{"licence":"SRA 1","bar":{"en":"Paris Bar"},)"
        R"("foreign":true,"languages":["fr","en","zh"],"expertise":["un_mechanisms",)"
        R"("asylum_immigration"],"availability":"available","asked_confidentiality":true}}})",
        R"({"id":"p0000000w02","kind":"person","visibility":"public","confidential":)"
        R"(["/body/lawyer/languages/1","/body/lawyer/licence"],"body":{"name":{"zh":"王律师"},)"
        R"("status":"unknown","lawyer":{"licence":"11101","bar":{"zh":"北京市律师协会"},)"
        R"("languages":["zh","en"]}}})"}) {
    auto record = parse_record(text);
    ASSERT_TRUE(record) << record.status().message();
    FormInput back = read_record_form("person", record->id, browser(*record), ids_only);
    ASSERT_TRUE(back.record) << back.errors.begin()->first << ": " << back.errors.begin()->second;
    EXPECT_EQ(to_canonical_json(*back.record), to_canonical_json(*record));
  }
  FormInput in = read_record_form(
      "person", "", {{"/body/name/en", "A"}, {"/body/lawyer/languages", "zh\r\nEnglish\r\n"}},
      ids_only);
  EXPECT_FALSE(in.record);
  EXPECT_NE(in.errors.at("/body/lawyer/languages/1").find("is not an ISO 639 language code"),
            std::string::npos);
  // Ticking the wish makes the record restricted, whatever visibility was chosen.
  in = read_record_form("person", "",
                        {{"/body/name/en", "A"},
                         {"/visibility", "public"},
                         {"/body/lawyer/asked_confidentiality", "true"}},
                        ids_only);
  ASSERT_TRUE(in.record) << in.errors.begin()->second;
  EXPECT_EQ(in.record->visibility, "restricted");
  EXPECT_EQ(field_label(*call_, "person", "/body/lawyer/languages/1"),
            "Lawyer · Languages: ISO 639 codes (zh, en, ug, bo ...) 2");
}

TEST_F(RecordForm, MistakesAreReportedAtTheirFieldsAndGiveNoRecord) {
  Form form{{"/body/name/zh", "刘晓波"},
            {"/body/born", "circa 1955"},
            {"/visibility", "public"},
            {"/sources", "Nobel lecture | p. 1"}};
  FormInput in = read_record_form("person", "", form, ids_only);
  EXPECT_FALSE(in.record);
  EXPECT_EQ(in.errors.at("/sources"), "no record is named \"Nobel lecture\"");
  EXPECT_EQ(in.json["body"]["name"]["zh"], "刘晓波") << "kept as typed, to show again";

  form.erase("/sources");
  in = read_record_form("person", "", form, ids_only);
  EXPECT_NE(in.errors.at("/body/born").find("write \"1955~\""), std::string::npos)
      << in.errors.begin()->second;

  in = read_record_form(
      "case", "", {{"/body/title/en", "A case"}, {"/body/sentence/years", "eleven"}}, ids_only);
  EXPECT_EQ(in.errors.at("/body/sentence/years"), "write a whole number, such as 11");

  in = read_record_form("person", "", {{"/body/name/en", std::string(2001, 'x')}}, ids_only);
  EXPECT_EQ(in.errors.at("/body/name/en"), "too long: 2001 characters; at most 2000 fit here");
  in = read_record_form("person", "", {{"/body/name/en", "bad \xff byte"}}, ids_only);
  EXPECT_EQ(in.errors.at("/body/name/en"), "not valid UTF-8 text (byte 5)");
}

TEST_F(RecordForm, ConfidentialMarksFollowTheirEntriesWhenEmptyRowsGo) {
  // Row 0 left empty, rows 1 and 3 filled, row 3 marked confidential, a mark on the empty row.
  Form form{{"/body/name/zh", "伊力哈木·土赫提"},  {"/body/aliases/1/name", "Ilham Tohti"},
            {"/body/aliases/1/system", "english"}, {"/body/aliases/3/name", "ئىلھام توختى"},
            {"/body/aliases/3/system", "uyghur"},  {"confidential", "/body/aliases/3"},
            {"confidential", "/body/aliases/0"},   {"confidential", "/body/health"},
            {"/body/health/en", "heart disease"}};
  FormInput in = read_record_form("person", "", form, ids_only);
  ASSERT_TRUE(in.record) << in.errors.begin()->second;
  const auto& aliases = std::get<Person>(in.record->body).aliases;
  ASSERT_EQ(aliases.size(), 2u);
  EXPECT_EQ(aliases[1].system, "uyghur");
  EXPECT_EQ(in.record->confidential, (std::vector<std::string>{"/body/aliases/1", "/body/health"}));
}

TEST_F(RecordForm, TheViewMarksWhatIsConfidentialAndShowsErrors) {
  auto record = parse_record(R"({"kind":"person","confidential":["/body/health","/body/name/en"],)"
                             R"("body":{"name":{"zh":"李","en":"Li"},"health":{"en":"ill"}}})");
  ASSERT_TRUE(record);
  json view = record_form_view(*call_, "person", json::parse(to_canonical_json(*record)),
                               {{"/body/born", "bad date"}, {"/id", "odd"}});
  json health, born;
  for (const auto& f : view["body"]) {
    if (f["name"] == "/body/health") health = f;
    if (f["name"] == "/body/born") born = f;
  }
  EXPECT_EQ(health["hide"]["checked"], true);
  EXPECT_EQ(born["error"], "bad date");
  EXPECT_EQ(view["error"], "/id: odd") << "an error no field shows goes to the top";
  ASSERT_EQ(view["other_hidden"].size(), 1u) << "no box for one language: kept as it is";
  EXPECT_EQ(view["other_hidden"][0]["value"], "/body/name/en");
}

TEST_F(RecordForm, FieldsAreNamedAsTheFormNamesThem) {
  EXPECT_EQ(field_label(*call_, "person", "/body/name/en"), "Name · English");
  EXPECT_EQ(field_label(*call_, "person", "/body/aliases/1/system"), "Other names 2 · Written in");
  EXPECT_EQ(field_label(*call_, "case", "/body/charges/0/name/zh"),
            "Charges 1 · Charge · Simplified Chinese");
  EXPECT_EQ(field_label(*call_, "case", "/body/sentence/years"), "Sentence · Years");
  EXPECT_EQ(field_label(*call_, "person", "/sources/0"), "Sources 1");
  EXPECT_EQ(field_label(*call_, "person", "/id"), "");
  EXPECT_EQ(field_label(*call_, "person", "/body/nothing"), "");
}

}  // namespace
}  // namespace jz::web
