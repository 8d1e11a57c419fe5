// Partials are inlined when the templates load (inline_partials): rendering the inlined
// text must give exactly what kainjow gives when it renders the partials itself.
#include "web/templates.hpp"

#include <gtest/gtest.h>

#include <kainjow/mustache.hpp>

namespace jz::web {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

const std::map<std::string, std::string> kPartials = {
    {"_item", "<li>{{name}}</li>\n"},
    {"_list", "{{#items}}\n  {{>_item}}\n{{/items}}\n{{^items}}<p>none</p>{{/items}}"},
    {"_inline", "<b>{{name}}</b>"},
    {"_outer", "<div>\n{{>_list}}\n</div>\n"},
};

data sample(bool with_items) {
  data d{data::type::object};
  d.set("name", "Top & <x>");
  data items{data::type::list};
  if (with_items)
    for (const char* n : {"刘晓波", "Ilham", "a<b"}) {
      data item{data::type::object};
      item.set("name", n);
      items.push_back(item);
    }
  d.set("items", items);
  return d;
}

std::string by_kainjow(const std::string& text, bool with_items) {
  data d = sample(with_items);
  for (const auto& [name, partial] : kPartials)
    d.set(name, kainjow::mustache::partial([&partial] { return partial; }));
  mustache m{text};
  EXPECT_TRUE(m.is_valid()) << m.error_message();
  return m.render(d);
}

std::string inlined(const std::string& text, bool with_items) {
  mustache m{inline_partials(text, kPartials, "test")};
  EXPECT_TRUE(m.is_valid()) << m.error_message();
  return m.render(sample(with_items));
}

TEST(InlinePartials, RendersWhatKainjowRendersWithPartials) {
  for (const std::string text : {
           "{{>_item}}", "<ul>\n{{>_list}}\n</ul>\n",
           "  {{>_list}}  \n",  // a partial tag alone on an indented line
           "before {{>_inline}} after {{> _inline }}", "{{#items}}{{>_inline}}{{/items}}\n",
           "{{>_outer}}{{>_outer}}",
           "{{name}}\n{{>_list}}",  // a partial ending without a newline, last in the text
       })
    for (bool with_items : {true, false})
      EXPECT_EQ(inlined(text, with_items), by_kainjow(text, with_items)) << text;
}

TEST(InlinePartials, AnUnknownOrEndlessPartialIsAProgrammingError) {
  EXPECT_THROW(inline_partials("{{>_missing}}", kPartials, "t"), std::logic_error);
  EXPECT_THROW(inline_partials("{{>_item", kPartials, "t"), std::logic_error);
  const std::map<std::string, std::string> loop = {{"_a", "{{>_b}}"}, {"_b", "{{>_a}}"}};
  EXPECT_THROW(inline_partials("{{>_a}}", loop, "t"), std::logic_error);
}

TEST(InlinePartials, EveryTemplateLoads) {
  Templates templates;  // throws if a template names a partial that does not exist
  auto page = templates.render("error.mustache", nlohmann::json::object());
  EXPECT_TRUE(page) << page.status().message();
}

}  // namespace
}  // namespace jz::web
