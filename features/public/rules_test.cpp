// Folding and the place index, without a store.
#include "features/public/rules.h"

#include <gtest/gtest.h>

#include "platform/errors.h"
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

desk::Procedure Proc(std::string code, std::string name, std::string field, std::string unit_path = "/1/",
                     std::string from = "2025-07-01", std::optional<std::string> to = std::nullopt,
                     bool active = true) {
  desk::Procedure p;
  p.code = std::move(code);
  p.name = std::move(name);
  p.field = std::move(field);
  p.unit_path = std::move(unit_path);
  p.valid_from = std::move(from);
  p.valid_to = std::move(to);
  p.active = active;
  return p;
}

std::vector<std::string> ProcCodes(const std::vector<const desk::Procedure*>& v) {
  std::vector<std::string> out;
  for (const auto* p : v) out.push_back(p->code);
  return out;
}

TEST(Catalogue, ListsOnlyWhatIsInForceOnceByFieldAndName) {
  Catalogue c({Proc("1.001193", "Đăng ký khai sinh", "Hộ tịch"),
               Proc("2.000815", "Chứng thực bản sao từ bản chính", "Chứng thực"),
               Proc("1.000656", "Đăng ký khai tử", "Hộ tịch"),
               Proc("9.1", "Thủ tục cũ", "Hộ tịch", "/1/", "2020-01-01", "2026-01-01"),  // ended
               Proc("9.2", "Thủ tục sắp có", "Hộ tịch", "/1/", "2027-01-01"),            // not yet
               Proc("9.3", "Thủ tục đã dừng", "Hộ tịch", "/1/", "2020-01-01", std::nullopt, false),
               // The commune's own version of a province procedure replaces it.
               Proc("1.001193", "Đăng ký khai sinh (xã)", "Hộ tịch", "/1/4/9/"),
               Proc("1.004222", "Xác nhận thông tin về cư trú", "")},
              "2026-03-01");
  std::vector<std::string> codes;
  for (const auto& p : c.all()) codes.push_back(p.code);
  // "" (no field) first, then "Chứng thực" before "Hộ tịch" (folded: chung < ho); by name inside.
  EXPECT_EQ(codes, (std::vector<std::string>{"1.004222", "2.000815", "1.001193", "1.000656"}));
  ASSERT_NE(c.Find("1.001193"), nullptr);
  EXPECT_EQ(c.Find("1.001193")->name, "Đăng ký khai sinh (xã)");
  EXPECT_EQ(c.Find("9.1"), nullptr);
  EXPECT_EQ(c.Find("9.3"), nullptr);
  auto groups = GroupByField(c.Search(""));
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[2].field, "Hộ tịch");
  EXPECT_EQ(groups[2].items.size(), 2u);
  // The same procedure on the day it ends is no longer listed; the day before it is.
  EXPECT_NE(Catalogue({Proc("9.1", "Cũ", "", "/1/", "2020-01-01", "2026-01-01")}, "2025-12-31").Find("9.1"), nullptr);
  EXPECT_EQ(Catalogue({Proc("9.1", "Cũ", "", "/1/", "2020-01-01", "2026-01-01")}, "2026-01-01").Find("9.1"), nullptr);
}

TEST(Catalogue, SearchIgnoresDiacriticsCaseAndWordOrder) {
  Catalogue c({Proc("1.001193", "Đăng ký khai sinh", "Hộ tịch"), Proc("1.000656", "Đăng ký khai tử", "Hộ tịch"),
               Proc("2.000815", "Chứng thực bản sao từ bản chính", "Chứng thực"),
               Proc("1.004884", "Đăng ký lại khai sinh", "Hộ tịch")},
              "2026-03-01");
  EXPECT_EQ(ProcCodes(c.Search("khai sinh")), (std::vector<std::string>{"1.001193", "1.004884"}));
  EXPECT_EQ(ProcCodes(c.Search("KHAI SINH")), ProcCodes(c.Search("khai sinh")));
  EXPECT_EQ(ProcCodes(c.Search("Khai Sinh")), ProcCodes(c.Search("khai sinh")));
  EXPECT_EQ(ProcCodes(c.Search("sinh khai")), ProcCodes(c.Search("khai sinh")));
  EXPECT_EQ(ProcCodes(c.Search("dang ky khai tu")), (std::vector<std::string>{"1.000656"}));
  // "t" also starts "tịch" (the field): every civil-status procedure.
  EXPECT_EQ(c.Search("dang ky khai t").size(), 3u);
  // "đ" is "d"; the field and the code are searched too.
  EXPECT_EQ(c.Search("đăng").size(), 3u);
  EXPECT_EQ(ProcCodes(c.Search("chung thuc")), (std::vector<std::string>{"2.000815"}));
  EXPECT_EQ(c.Search("ho tich").size(), 3u);
  EXPECT_EQ(ProcCodes(c.Search("2.0008")), (std::vector<std::string>{"2.000815"}));
  // Words must start words: "inh" is inside "sinh", not a start.
  EXPECT_TRUE(c.Search("inh").empty());
  EXPECT_TRUE(c.Search("khai sinhx").empty());
  EXPECT_EQ(c.Search("  ?! ").size(), 4u);  // no words: everything
}

TEST(Directory, ShowsOnlyTheFieldsEachPersonAgreedTo) {
  DirectoryPerson p;
  p.full_name = "Nguyễn Văn Bình";
  p.position = "Chủ tịch UBND";
  p.phone = "0912 345 678";
  p.email = "binh@xa.gov.vn";
  p.publication.hours_text = "Sáng thứ Hai";
  // Not listed: nothing at all, even with every field ticked.
  p.publication.position = p.publication.phone = p.publication.email = p.publication.hours = true;
  EXPECT_FALSE(Published(p));
  // Listed with no field: the name only.
  p.publication = {};
  p.publication.listed = true;
  p.publication.hours_text = "Sáng thứ Hai";
  auto e = Published(p);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->name, "Nguyễn Văn Bình");
  EXPECT_EQ(e->position, "");
  EXPECT_EQ(e->phone, "");
  EXPECT_EQ(e->email, "");
  EXPECT_EQ(e->hours, "");
  // Each tick shows its own field and no other.
  p.publication.phone = true;
  e = Published(p);
  EXPECT_EQ(e->phone, "0912 345 678");
  EXPECT_EQ(e->position, "");
  EXPECT_EQ(e->email, "");
  p.publication.phone = false;
  p.publication.hours = true;
  e = Published(p);
  EXPECT_EQ(e->hours, "Sáng thứ Hai");
  EXPECT_EQ(e->phone, "");
  p.publication.position = true;
  p.publication.email = true;
  e = Published(p);
  EXPECT_EQ(e->position, "Chủ tịch UBND");
  EXPECT_EQ(e->email, "binh@xa.gov.vn");
}

TEST(Directory, PublicationInputIsCheckedAllAtOnce) {
  PublicationInput in;
  in.listed = in.hours = true;
  in.sort_order = "0";
  try {
    ValidatePublication(in);
    FAIL() << "accepted";
  } catch (const AppError& e) {
    ASSERT_EQ(e.problems().size(), 2u);
    EXPECT_EQ(e.problems()[0].field, "hours_text");  // hours ticked without hours
    EXPECT_EQ(e.problems()[1].field, "sort_order");
  }
  in.hours_text = std::string(kMaxHoursChars + 1, 'a');
  in.sort_order = "abc";
  try {
    ValidatePublication(in);
    FAIL() << "accepted";
  } catch (const AppError& e) {
    EXPECT_EQ(e.problems().size(), 2u);
  }
  in.hours_text = " Sáng thứ Hai ";
  in.sort_order = "";
  auto p = ValidatePublication(in);
  EXPECT_EQ(p.hours_text, "Sáng thứ Hai");
  EXPECT_EQ(p.sort_order, 100);
  in.sort_order = "999";
  EXPECT_EQ(ValidatePublication(in).sort_order, 999);
  in.sort_order = "1000";
  EXPECT_THROW(ValidatePublication(in), AppError);
}

}  // namespace
}  // namespace fg::pub
