{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Lịch nghỉ lễ, Tết năm {{YEAR}}</h1>
  <p class="lead">Các ngày Chính phủ quyết định khác với quy định chung của Bộ luật Lao động: nghỉ thêm, nghỉ hoán đổi, làm bù. Mỗi thay đổi được ghi vào nhật ký.</p>
  <nav class="actions" aria-label="Chọn năm">
    <a class="button secondary" href="/calendar/decisions?year={{PREV}}">← Năm {{PREV}}</a>
    <a class="button secondary" href="/calendar/decisions?year={{NEXT}}">Năm {{NEXT}} →</a>
    <a class="button secondary" href="/calendar?year={{YEAR}}">Xem lịch năm {{YEAR}}</a>
  </nav>
  <div class="table-wrap" role="region" aria-labelledby="decisions-caption" tabindex="0"><table class="stack">
    <caption id="decisions-caption" class="visually-hidden">Quyết định nghỉ, làm bù năm {{YEAR}}</caption>
    <thead><tr><th scope="col">Ngày</th><th scope="col">Thứ</th><th scope="col">Loại</th><th scope="col">Tên</th><th scope="col">Căn cứ</th>{{#EDITOR}}<th scope="col"><span class="visually-hidden">Thao tác</span></th>{{/EDITOR}}</tr></thead>
    <tbody>{{#DECISION}}<tr><td><strong>{{DATE}}</strong></td><td data-label="Thứ">{{WEEKDAY}}</td><td data-label="Loại">{{KIND}}</td><td data-label="Tên">{{NAME}}</td><td class="ref" data-label="Căn cứ">{{REF}}</td>
      {{#CAN_DELETE}}<td class="row-actions"><a href="/calendar/decisions?year={{YEAR}}&amp;edit={{ISO}}#decision-form">Sửa<span class="visually-hidden"> ngày {{DATE}}</span></a>
        <a href="/calendar/decisions/{{ISO}}/delete">Xóa<span class="visually-hidden"> ngày {{DATE}}</span></a></td>{{/CAN_DELETE}}</tr>{{/DECISION}}</tbody>
  </table></div>
  {{#EDITOR}}
  <h2 id="decision-form">Thêm hoặc sửa quyết định của một ngày</h2>
  <form method="post" action="/calendar/decisions" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    {{>DATE_INPUT}}
    <div class="field{{#KIND_INVALID}} field-invalid{{/KIND_INVALID}}">
      <label for="kind">Loại</label>
      {{#KIND_INVALID}}<p class="field-error" id="kind-error"><span class="visually-hidden">Lỗi: </span>{{KIND_ERROR}}</p>{{/KIND_INVALID}}
      <select id="kind" name="kind"{{#KIND_INVALID}} aria-invalid="true" aria-describedby="kind-error"{{/KIND_INVALID}}>{{#KIND_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select>
    </div>
    <div class="field{{#NAME_INVALID}} field-invalid{{/NAME_INVALID}}">
      <label for="name">Tên</label>
      <p class="hint" id="name-hint">Ví dụ: Nghỉ hoán đổi dịp Quốc khánh.</p>
      {{#NAME_INVALID}}<p class="field-error" id="name-error"><span class="visually-hidden">Lỗi: </span>{{NAME_ERROR}}</p>{{/NAME_INVALID}}
      <input id="name" name="name" maxlength="200" value="{{F_NAME}}" aria-describedby="name-hint{{#NAME_INVALID}} name-error{{/NAME_INVALID}}"{{#NAME_INVALID}} aria-invalid="true"{{/NAME_INVALID}}>
    </div>
    <div class="field{{#REFERENCE_INVALID}} field-invalid{{/REFERENCE_INVALID}}">
      <label for="reference">Căn cứ</label>
      <p class="hint" id="reference-hint">Số hiệu và ngày của văn bản, ví dụ Công văn 1234/BNV-TL ngày 05/08/2026.</p>
      {{#REFERENCE_INVALID}}<p class="field-error" id="reference-error"><span class="visually-hidden">Lỗi: </span>{{REFERENCE_ERROR}}</p>{{/REFERENCE_INVALID}}
      <input id="reference" name="reference" maxlength="2000" value="{{F_REFERENCE}}" aria-describedby="reference-hint{{#REFERENCE_INVALID}} reference-error{{/REFERENCE_INVALID}}"{{#REFERENCE_INVALID}} aria-invalid="true"{{/REFERENCE_INVALID}}>
    </div>
    <button type="submit">Lưu quyết định</button>
  </form>
  <h2 id="year-reference-heading">Văn bản căn cứ của lịch nghỉ năm {{YEAR}}</h2>
  <form method="post" action="/calendar/years/{{YEAR}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#YEAR_REFERENCE_INVALID}} field-invalid{{/YEAR_REFERENCE_INVALID}}">
      <label for="year_reference">Căn cứ (hiện cùng lịch năm)</label>
      {{#YEAR_REFERENCE_INVALID}}<p class="field-error" id="year_reference-error"><span class="visually-hidden">Lỗi: </span>{{YEAR_REFERENCE_ERROR}}</p>{{/YEAR_REFERENCE_INVALID}}
      <textarea id="year_reference" name="year_reference" rows="5" maxlength="2000"{{#YEAR_REFERENCE_INVALID}} aria-invalid="true" aria-describedby="year_reference-error"{{/YEAR_REFERENCE_INVALID}}>{{REFERENCE}}</textarea>
    </div>
    <button type="submit">Lưu căn cứ</button>
  </form>
  {{/EDITOR}}
</section>
