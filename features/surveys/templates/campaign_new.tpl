{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <h1>Tạo đợt khảo sát</h1>
  <p class="lead">Mặc định là bộ câu hỏi SIPAS (5 yếu tố: tiếp cận dịch vụ, thủ tục, công chức, kết quả, xử lý góp ý). Sau khi tạo, mỗi đơn vị có một mã QR dùng chung và có thể in phiếu mời.</p>
  <form method="post" action="/surveys/campaigns" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#NAME_INVALID}} field-invalid{{/NAME_INVALID}}">
      <label for="name">Tên đợt khảo sát</label>
      {{#NAME_INVALID}}<p class="field-error" id="name-error"><span class="visually-hidden">Lỗi: </span>{{NAME_ERROR}}</p>{{/NAME_INVALID}}
      <input id="name" name="name" maxlength="200" value="{{NAME}}"{{#NAME_INVALID}} aria-describedby="name-error" aria-invalid="true"{{/NAME_INVALID}}>
    </div>
    <div class="field{{#QUESTIONNAIRE_ID_INVALID}} field-invalid{{/QUESTIONNAIRE_ID_INVALID}}">
      <label for="questionnaire_id">Bộ câu hỏi</label>
      <p class="hint" id="questionnaire_id-hint">Chưa có bộ câu hỏi phù hợp? <a href="/surveys/questionnaires" id="compose-questionnaire">Soạn bộ câu hỏi</a> (ví dụ từ bản sao của mẫu SIPAS), rồi quay lại đây.</p>
      {{#QUESTIONNAIRE_ID_INVALID}}<p class="field-error" id="questionnaire_id-error"><span class="visually-hidden">Lỗi: </span>{{QUESTIONNAIRE_ID_ERROR}}</p>{{/QUESTIONNAIRE_ID_INVALID}}
      <select id="questionnaire_id" name="questionnaire_id" aria-describedby="questionnaire_id-hint{{#QUESTIONNAIRE_ID_INVALID}} questionnaire_id-error{{/QUESTIONNAIRE_ID_INVALID}}"{{#QUESTIONNAIRE_ID_INVALID}} aria-invalid="true"{{/QUESTIONNAIRE_ID_INVALID}}>{{#QUESTIONNAIRE}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/QUESTIONNAIRE}}</select>
    </div>
    {{>FROM_DATE}}
    {{>TO_DATE}}
    <div class="field{{#UNITS_INVALID}} field-invalid{{/UNITS_INVALID}}">
      <label for="units">Mã các đơn vị được khảo sát</label>
      <p class="hint" id="units-hint">Cách nhau bởi dấu phẩy, ví dụ 25270, 25273. Mỗi đơn vị gồm cả các đơn vị trực thuộc.</p>
      {{#UNITS_INVALID}}<p class="field-error" id="units-error"><span class="visually-hidden">Lỗi: </span>{{UNITS_ERROR}}</p>{{/UNITS_INVALID}}
      <input id="units" name="units" maxlength="2000" value="{{UNITS}}" aria-describedby="units-hint{{#UNITS_INVALID}} units-error{{/UNITS_INVALID}}"{{#UNITS_INVALID}} aria-invalid="true"{{/UNITS_INVALID}}>
    </div>
    <div class="field{{#TARGET_INVALID}} field-invalid{{/TARGET_INVALID}}">
      <label for="target">Số phiếu cần có ở mỗi đơn vị</label>
      <p class="hint" id="target-hint">Từ 1 đến 100000. Tỷ lệ có ít hơn 30 câu trả lời được đánh dấu “quá ít câu trả lời”.</p>
      {{#TARGET_INVALID}}<p class="field-error" id="target-error"><span class="visually-hidden">Lỗi: </span>{{TARGET_ERROR}}</p>{{/TARGET_INVALID}}
      <input class="w5" id="target" name="target" inputmode="numeric" maxlength="6" value="{{TARGET}}" aria-describedby="target-hint{{#TARGET_INVALID}} target-error{{/TARGET_INVALID}}"{{#TARGET_INVALID}} aria-invalid="true"{{/TARGET_INVALID}}>
    </div>
    <div class="field">
      <label class="check" for="repeat"><input type="checkbox" id="repeat" name="repeat" value="1"{{#REPEAT_CHECKED}} checked{{/REPEAT_CHECKED}}> Lặp lại mỗi 6 tháng (đợt sau cùng thời gian, 6 tháng sau)</label>
    </div>
    <button type="submit">Tạo đợt khảo sát</button>
  </form>
</section>
