// Folding and the place index, without a store.
#include "features/public/rules.h"

#include <gtest/gtest.h>

#include "platform/text/text.h"

namespace fg::pub {
namespace {

Place P(std::string code, std::string name, std::string from = "2025-07-01", std::optional<std::string> to = {}) {
  Place p;
  p.code = std::move(code);
  p.name = std::move(name);
  p.valid_from = std::move(from);
  p.valid_to = std::move(to);
  return p;
}

std::vector<std::string> Codes(const SearchResult& r) {
  std::vector<std::string> out;
  for (auto& p : r.places) out.push_back(p.code);
  return out;
}

TEST(Fold, StripsMarksAndCaseAndMapsDToD) {
  EXPECT_EQ(text::Fold("Xã Tân Hưng"), "xa tan hung");
  EXPECT_EQ(text::Fold("PHƯỜNG TRẤN BIÊN"), "phuong tran bien");
  EXPECT_EQ(text::Fold("Tỉnh Đồng Nai"), "tinh dong nai");
  EXPECT_EQ(text::Fold("đắk lắk"), "dak lak");
  // Decomposed input (e + combining marks) folds like precomposed.
  EXPECT_EQ(text::Fold("Ti\xCC\x89nh Hu\xCC\x9B\xCC\x80ng"), text::Fold("Tỉnh Hừng"));
  EXPECT_EQ(text::Fold("  Thị trấn   Một-Hai, (cũ) "), "thi tran mot hai cu");
  EXPECT_EQ(text::Fold("\xff\xfe"), "");
  EXPECT_EQ(Words("xa tan hung"), (std::vector<std::string>{"xa", "tan", "hung"}));
}

TEST(PlaceIndex, FindsByWordPrefixesWithoutDiacritics) {
  PlaceIndex idx({P("25310", "Xã Tân Hưng"), P("25320", "Phường Hưng Long"), P("25330", "Xã Đông Hòa"),
                  P("25340", "Xã Tân Đông"), P("25350", "Xã Long Hưng")});
  EXPECT_EQ(Codes(idx.Search("tan hung", "2026-01-01")), (std::vector<std::string>{"25310"}));
  EXPECT_EQ(Codes(idx.Search("TÂN HƯNG", "2026-01-01")), (std::vector<std::string>{"25310"}));
  EXPECT_EQ(Codes(idx.Search("hung", "2026-01-01")), (std::vector<std::string>{"25320", "25350", "25310"}));
  // "d" finds "Đ"; the words may come in any order.
  EXPECT_EQ(Codes(idx.Search("d", "2026-01-01")), (std::vector<std::string>{"25330", "25340"}));
  EXPECT_EQ(Codes(idx.Search("dong tan", "2026-01-01")), (std::vector<std::string>{"25340"}));
  EXPECT_EQ(Codes(idx.Search("tan d", "2026-01-01")), (std::vector<std::string>{"25340"}));
  // A name with the words in the order typed ranks first.
  EXPECT_EQ(Codes(idx.Search("long hung", "2026-01-01")), (std::vector<std::string>{"25350", "25320"}));
  // A code, or its beginning.
  EXPECT_EQ(Codes(idx.Search("2531", "2026-01-01")), (std::vector<std::string>{"25310"}));
  EXPECT_TRUE(idx.Search("tan hungx", "2026-01-01").places.empty());
  EXPECT_TRUE(idx.Search(" ?! ", "2026-01-01").places.empty());
  ASSERT_NE(idx.Find("25330"), nullptr);
  EXPECT_EQ(idx.Find("25330")->name, "Xã Đông Hòa");
  EXPECT_EQ(idx.Find("nope"), nullptr);
}

TEST(PlaceIndex, PlacesInForceComeFirstAndResultsAreBounded) {
  std::vector<Place> places = {P("1", "Xã Long An", "2003-01-01", "2025-07-01"), P("2", "Xã Long Bình")};
  for (int i = 0; i < 50; ++i) places.push_back(P("9" + std::to_string(100 + i), "Xã Long Thành " + std::to_string(i)));
  PlaceIndex idx(std::move(places));
  auto r = idx.Search("long", "2026-01-01", 5);
  EXPECT_EQ(r.places.size(), 5u);
  EXPECT_TRUE(r.more);
  EXPECT_EQ(r.places[0].code, "2");
  auto ended = idx.Search("long an", "2026-01-01");
  ASSERT_EQ(ended.places.size(), 1u);
  EXPECT_FALSE(ended.more);
  EXPECT_EQ(StatusOn(ended.places[0], "2026-01-01"), PlaceStatus::kEnded);
  EXPECT_EQ(StatusOn(ended.places[0], "2020-01-01"), PlaceStatus::kInForce);
  EXPECT_EQ(StatusOn(ended.places[0], "2000-01-01"), PlaceStatus::kNotYet);
  // A large site lists nothing on its home page; a small one lists what is in force, by name.
  EXPECT_TRUE(idx.AllInForceIfFew("2026-01-01", 30).empty());
  PlaceIndex small({P("1", "Xã Long An", "2003-01-01", "2025-07-01"), P("3", "Phường Mới"), P("2", "Xã Bình")});
  auto listed = small.AllInForceIfFew("2026-01-01", 30);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].code, "3");
  EXPECT_EQ(listed[1].code, "2");
  EXPECT_TRUE(small.AllInForceIfFew("2026-01-01", 1).empty());
  // More words than kMaxQueryWords: the extra ones are ignored.
  EXPECT_EQ(idx.Search("xa long binh xa xa xa zzz", "2026-01-01").places.size(), 1u);
}

}  // namespace
}  // namespace fg::pub
