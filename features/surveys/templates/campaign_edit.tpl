{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p class="back"><a href="{{CAMPAIGN_URL}}">← {{CURRENT_NAME}}</a></p>
  <h1>Sửa đợt khảo sát</h1>
  {{#CLOSED}}<div class="notice" id="campaign-closed-notice"><p>Đợt khảo sát này đã kết thúc sớm ngày {{CLOSED_ON}}, không sửa được nữa. Kết quả vẫn được giữ nguyên.</p></div>{{/CLOSED}}
  {{#FORM}}
  <p class="lead">Đổi tên, ngày kết thúc hoặc số phiếu cần có. Các câu trả lời đã nhận được giữ nguyên.{{#REPEATS}} Đợt khảo sát lặp lại mỗi 6 tháng: các đợt sau theo ngày kết thúc mới.{{/REPEATS}}</p>
  <form method="post" action="{{ACTION}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="version" value="{{VERSION}}">
    <div class="field{{#NAME_INVALID}} field-invalid{{/NAME_INVALID}}">
      <label for="name">Tên đợt khảo sát</label>
      {{#NAME_INVALID}}<p class="field-error" id="name-error"><span class="visually-hidden">Lỗi: </span>{{NAME_ERROR}}</p>{{/NAME_INVALID}}
      <input id="name" name="name" maxlength="200" value="{{NAME}}"{{#NAME_INVALID}} aria-describedby="name-error" aria-invalid="true"{{/NAME_INVALID}}>
    </div>
    {{>TO_DATE}}
    <div class="field{{#TARGET_INVALID}} field-invalid{{/TARGET_INVALID}}">
      <label for="target">Số phiếu cần có ở mỗi đơn vị</label>
      <p class="hint" id="target-hint">Từ 1 đến 100000.</p>
      {{#TARGET_INVALID}}<p class="field-error" id="target-error"><span class="visually-hidden">Lỗi: </span>{{TARGET_ERROR}}</p>{{/TARGET_INVALID}}
      <input class="w5" id="target" name="target" inputmode="numeric" maxlength="6" value="{{TARGET}}" aria-describedby="target-hint{{#TARGET_INVALID}} target-error{{/TARGET_INVALID}}"{{#TARGET_INVALID}} aria-invalid="true"{{/TARGET_INVALID}}>
    </div>
    <div class="actions"><button type="submit">Lưu thay đổi</button> <a class="button secondary" href="{{CAMPAIGN_URL}}">Không, quay lại</a></div>
  </form>
  {{/FORM}}
</section>
