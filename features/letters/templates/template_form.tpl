{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/thu/mau">← Mẫu thư</a></p>
  <h1>{{HEADING}}</h1>
  <p class="lead">Đang dùng: {{VERSION}}. <a href="{{VERSIONS_URL}}" id="template-versions">Các phiên bản đã lưu</a></p>
  <p>Ô điền dùng được: <code>{{PLACEHOLDERS}}</code>. Đoạn văn cách nhau bằng một dòng trống.</p>
  {{#READ_ONLY}}<p class="hint">Chỉ lãnh đạo hoặc quản trị viên của đơn vị sửa được mẫu thư.</p>
  <dl class="summary"><div><dt>Tên thư</dt><dd>{{TITLE_VALUE}}</dd></div></dl>
  <h2>Mặt trước</h2><pre class="letter-source">{{FRONT}}</pre>
  <h2>Mặt sau</h2><pre class="letter-source">{{BACK}}</pre>{{/READ_ONLY}}
  {{#CAN_SAVE}}<form method="post" action="{{ACTION}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#TITLE_INVALID}} field-invalid{{/TITLE_INVALID}}">
      <label for="title">Tên thư</label>
      <p class="hint" id="title-hint">In hoa, giữa trang, ví dụ: THƯ CHÚC MỪNG.</p>
      {{#TITLE_INVALID}}<p class="field-error" id="title-error"><span class="visually-hidden">Lỗi: </span>{{TITLE_ERROR}}</p>{{/TITLE_INVALID}}
      <input id="title" name="title" maxlength="120" value="{{TITLE_VALUE}}" aria-describedby="title-hint{{#TITLE_INVALID}} title-error{{/TITLE_INVALID}}"{{#TITLE_INVALID}} aria-invalid="true"{{/TITLE_INVALID}}>
    </div>
    <div class="field{{#FRONT_INVALID}} field-invalid{{/FRONT_INVALID}}">
      <label for="front">Nội dung mặt trước</label>
      {{#FRONT_INVALID}}<p class="field-error" id="front-error"><span class="visually-hidden">Lỗi: </span>{{FRONT_ERROR}}</p>{{/FRONT_INVALID}}
      <textarea id="front" name="front" rows="14" maxlength="6000"{{#FRONT_INVALID}} aria-invalid="true" aria-describedby="front-error"{{/FRONT_INVALID}}>{{FRONT}}</textarea>
    </div>
    <div class="field{{#BACK_INVALID}} field-invalid{{/BACK_INVALID}}">
      <label for="back">Nội dung mặt sau (không bắt buộc)</label>
      <p class="hint" id="back-hint">In ở mặt sau tờ giấy, ví dụ những điều gia đình cần lưu ý của thư chia buồn.</p>
      {{#BACK_INVALID}}<p class="field-error" id="back-error"><span class="visually-hidden">Lỗi: </span>{{BACK_ERROR}}</p>{{/BACK_INVALID}}
      <textarea id="back" name="back" rows="10" maxlength="6000" aria-describedby="back-hint{{#BACK_INVALID}} back-error{{/BACK_INVALID}}"{{#BACK_INVALID}} aria-invalid="true"{{/BACK_INVALID}}>{{BACK}}</textarea>
    </div>
    <fieldset class="field{{#PAPER_INVALID}} field-invalid{{/PAPER_INVALID}}" id="paper">
      <legend>Khổ giấy</legend>
      {{#PAPER_INVALID}}<p class="field-error" id="paper-error"><span class="visually-hidden">Lỗi: </span>{{PAPER_ERROR}}</p>{{/PAPER_INVALID}}
      <label><input type="radio" name="paper" value="A5" {{A5_CHECKED}}> A5 (148 × 210 mm)</label>
      <label><input type="radio" name="paper" value="A4" {{A4_CHECKED}}> A4 (210 × 297 mm)</label>
    </fieldset>
    <div class="field"><label><input type="checkbox" name="border" {{BORDER_CHECKED}}> In khung viền trang trí</label></div>
    <div class="actions">
      <button type="submit" name="preview" value="1" class="secondary">Xem trước</button>
      <button type="submit">Lưu phiên bản mới</button>
    </div>
  </form>{{/CAN_SAVE}}
  {{#HAS_PREVIEW}}<h2 id="preview">Xem trước (với dữ liệu mẫu)</h2>
  {{>PREVIEW}}{{/HAS_PREVIEW}}
</section>
