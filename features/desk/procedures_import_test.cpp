// CSV import and export of the catalogue, versions and the dossier-code
// settings through the service, on both backends.
#include <gtest/gtest.h>

#include "features/desk/testing.h"
#include "platform/errors.h"
#include "platform/time.h"

namespace fg::desk {
namespace {

using fg::testing::KindOf;

class DeskImportTest : public testing::DeskFixture {
 protected:
  std::vector<Procedure> All(const std::string& unit = "") {
    ProcedureQuery q;
    q.unit_code = unit;
    q.include_inactive = true;
    return svc_->ExportProcedures(&admin_, q);
  }
  void SetUp() override {
    DeskFixture::SetUp();
    admin_ = Official("admin.p1", "P1", "admin");
  }
  auth::Principal admin_;
};

const char* kHeader = "unit_code,code,name,field,limit_unit,limit_amount,documents,steps\n";

TEST_P(DeskImportTest, CreatesPreviewsThenUpdatesAndLeavesUnchangedRowsAlone) {
  const std::string csv = std::string(kHeader) +
                          "P1,1.001,Đăng ký khai sinh,Hộ tịch,days,3,Tờ khai|original|1; Căn cước|copy|1,"
                          "Tiếp nhận|Một cửa|4\n"
                          "C1,C1.1,Chứng thực bản sao,Chứng thực,same_day,,,\n";
  // A dry run says what would happen and writes nothing.
  auto dry = svc_->ImportProcedures(admin_, csv, true);
  EXPECT_TRUE(dry.problems.empty());
  EXPECT_FALSE(dry.written);
  EXPECT_EQ(dry.created, 2);
  EXPECT_TRUE(All().empty());

  auto done = svc_->ImportProcedures(admin_, csv, false);
  EXPECT_TRUE(done.written);
  ASSERT_EQ(done.rows.size(), 2u);
  EXPECT_GT(done.rows[0].id, 0);
  const auto p = svc_->GetProcedure(&admin_, done.rows[0].id);
  EXPECT_EQ(p.documents.size(), 2u);
  EXPECT_EQ(p.documents[1].kind, "copy");
  EXPECT_EQ(p.steps.at(0).hours, 4);

  // The same file again: nothing to do, no new version.
  auto again = svc_->ImportProcedures(admin_, csv, false);
  EXPECT_EQ(again.unchanged, 2);
  EXPECT_EQ(again.created + again.updated, 0);
  EXPECT_FALSE(again.written);
  EXPECT_EQ(svc_->GetProcedure(&admin_, p.id).version, 1);

  // A changed limit: a new version; the columns left out keep their values.
  auto update = svc_->ImportProcedures(admin_, "unit_code,code,limit_amount\nP1,1.001,5\n", false);
  ASSERT_EQ(update.rows.size(), 1u);
  EXPECT_EQ(update.rows[0].kind, ImportRow::Kind::kUpdate);
  EXPECT_EQ(update.rows[0].changed, std::vector<std::string>{"limit"});
  const auto v2 = svc_->GetProcedure(&admin_, p.id);
  EXPECT_EQ(v2.version, 2);
  EXPECT_EQ(v2.limit_amount, 5);
  EXPECT_EQ(v2.documents.size(), 2u);
  EXPECT_EQ(svc_->GetProcedure(&admin_, p.id, 1).limit_amount, 3);
  const auto versions = svc_->ProcedureVersions(&admin_, p.id);
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].version, 2);
  EXPECT_EQ(versions[0].created_by, "Người admin.p1");
}

TEST_P(DeskImportTest, ExportThenImportChangesNothing) {
  auto a = BirthInput("P1");
  a.legal_basis = "- Luật Hộ tịch 2014\n- Nghị định 123/2015/NĐ-CP";
  a.fees = "=0";
  a.valid_to = "2030-12-31";
  svc_->CreateProcedure(admin_, a);
  auto b = BirthInput("C1", "C1.9");
  b.limit_unit = "hours";
  b.limit_amount = 12;
  b.cutoff = "16:00";
  b.online_level = 2;
  b.documents[0].name = "Tờ khai; mẫu | 01 \\ bản in";
  const auto made = svc_->CreateProcedure(admin_, b);
  svc_->SetProcedureActive(admin_, made.id, false);

  const std::string csv = WriteProceduresCsv(All());
  auto report = svc_->ImportProcedures(admin_, csv, false);
  EXPECT_TRUE(report.problems.empty()) << (report.problems.empty() ? "" : report.problems[0].problem.key);
  EXPECT_EQ(report.unchanged, 2);
  EXPECT_EQ(report.created + report.updated, 0);
  for (auto& p : All()) EXPECT_EQ(p.version, 1) << p.code;
  EXPECT_EQ(WriteProceduresCsv(All()), csv);
}

TEST_P(DeskImportTest, EveryBadRowIsReportedAndNothingIsWritten) {
  const std::string csv = std::string(kHeader) +
                          "P1,1.001,Đăng ký khai sinh,Hộ tịch,days,3,,\n"       // fine
                          "P1,1.002,,Hộ tịch,weeks,3,,\n"                       // name, limit_unit
                          "P1,1.003,Thủ tục,Hộ tịch,days,3,Tờ khai|photo|0,\n"  // kind and count
                          "ZZ,1.004,Thủ tục,Hộ tịch,days,x,,\n"                 // unit, amount
                          "P1,1.001,Trùng,Hộ tịch,days,3,,\n";                  // the code of line 2 again
  auto r = svc_->ImportProcedures(admin_, csv, false);
  EXPECT_FALSE(r.written);
  std::vector<std::string> got;
  for (auto& p : r.problems) got.push_back(std::to_string(p.line) + " " + p.problem.field);
  EXPECT_EQ(got, (std::vector<std::string>{"3 name", "3 limit_unit", "4 documents[0].kind", "4 documents[0].count",
                                           "5 limit_amount", "5 unit_code", "6 code"}));
  EXPECT_TRUE(All().empty()) << "the good row is not written either";
}

TEST_P(DeskImportTest, OnlyAdministratorsAndOnlyTheirUnits) {
  auto admin_c1 = Official("admin.c1", "C1", "admin");
  auto leader = Official("leader.c1", "C1", "leader");
  svc_->CreateProcedure(admin_, BirthInput("P1"));
  const std::string csv = std::string(kHeader) + "P1,1.001193,Đăng ký khai sinh mới,Hộ tịch,days,3,,\n" +
                          "C1,C1.1,Thủ tục xã,Thử,days,1,,\n";
  EXPECT_EQ(KindOf([&] { svc_->ImportProcedures(leader, csv, true); }), ErrorKind::kForbidden);
  auto r = svc_->ImportProcedures(admin_c1, csv, false);
  EXPECT_TRUE(r.forbidden);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 2);
  EXPECT_EQ(r.problems[0].problem.key, "desk.csv_forbidden");
  EXPECT_EQ(All("C1").size(), 1u) << "nothing written, not even the allowed row";
  // A row of the province's catalogue that changes nothing is fine for the commune's administrator.
  const std::string same =
      WriteProceduresCsv(All("P1")) + "C1,C1.1,Thủ tục xã,Thử,commune,days,1,15:00,0,,,,,,,,true\n";
  auto ok = svc_->ImportProcedures(admin_c1, same, false);
  EXPECT_TRUE(ok.problems.empty()) << ok.problems.at(0).problem.key;
  EXPECT_TRUE(ok.written);
  EXPECT_EQ(ok.unchanged, 1);
  EXPECT_EQ(ok.created, 1);
}

TEST_P(DeskImportTest, AgencySettingsAndTheNextCode) {
  auto desk = Official("desk.c1", "C1", "desk");
  auto s = svc_->GetAgencySettings(desk, "C1");
  EXPECT_FALSE(s.can_edit);
  EXPECT_EQ(s.agency_code, "");
  const std::string day = FormatIsoDate(ToLocal(Now()).date);
  const std::string yymmdd = day.substr(2, 2) + day.substr(5, 2) + day.substr(8, 2);
  EXPECT_EQ(s.next_code, "C1-" + yymmdd + "-0001");
  EXPECT_EQ(KindOf([&] { svc_->SetAgencyCode(desk, "C1", "000.27.01.H75"); }), ErrorKind::kForbidden);
  for (const char* bad : {"000..01", ".000", "000.", "000-01", "000 01"})
    EXPECT_EQ(KindOf([&] { svc_->SetAgencyCode(admin_, "C1", bad); }), ErrorKind::kBadRequest) << bad;
  svc_->SetAgencyCode(admin_, "C1", "000.27.01.H75");
  auto proc = svc_->CreateProcedure(admin_, BirthInput("P1"));
  IntakeInput in;
  in.procedure_id = proc.id;
  in.unit_code = "C1";
  in.applicant.name = "Nguyễn Văn A";
  const auto first = svc_->Receive(desk, in).detail.dossier.code;
  EXPECT_EQ(first, "000.27.01.H75-" + yymmdd + "-0001");
  s = svc_->GetAgencySettings(admin_, "C1");
  EXPECT_TRUE(s.can_edit);
  EXPECT_EQ(s.agency_code, "000.27.01.H75");
  EXPECT_EQ(s.next_code, "000.27.01.H75-" + yymmdd + "-0002");
  auto outsider = Official("desk.c2", "C2", "desk");
  EXPECT_EQ(KindOf([&] { svc_->GetAgencySettings(outsider, "C1"); }), ErrorKind::kForbidden);
}

FG_BOTH_BACKENDS(DeskImportTest);

}  // namespace
}  // namespace fg::desk
