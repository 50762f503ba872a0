{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Lịch nghỉ lễ, Tết năm {{YEAR}}</h1>
  <p class="lead">Các ngày Chính phủ quyết định khác với quy định chung của Bộ luật Lao động: nghỉ thêm, nghỉ hoán đổi, làm bù. Mỗi thay đổi được ghi vào nhật ký.</p>
  <nav class="actions" aria-label="Chọn năm">
    <a class="button secondary" href="/calendar/decisions?year={{PREV}}">← Năm {{PREV}}</a>
    <a class="button secondary" href="/calendar/decisions?year={{NEXT}}">Năm {{NEXT}} →</a>
    <a class="button secondary" href="/calendar?year={{YEAR}}">Xem lịch năm {{YEAR}}</a>
  </nav>
  {{#HAS_MESSAGE}}<div class="notice" role="status">{{MESSAGE}}</div>{{/HAS_MESSAGE}}
  {{#HAS_ERROR}}<div class="alert" role="alert" data-field="{{ERROR_FIELD}}">{{ERROR}}</div>{{/HAS_ERROR}}
  <div class="table-wrap"><table>
    <thead><tr><th scope="col">Ngày</th><th scope="col">Thứ</th><th scope="col">Loại</th><th scope="col">Tên</th><th scope="col">Căn cứ</th>{{#EDITOR}}<th scope="col"><span class="visually-hidden">Thao tác</span></th>{{/EDITOR}}</tr></thead>
    <tbody>{{#DECISION}}<tr><td>{{DATE}}</td><td>{{WEEKDAY}}</td><td>{{KIND}}</td><td>{{NAME}}</td><td class="ref">{{REF}}</td>
      {{#CAN_DELETE}}<td class="row-actions"><a href="/calendar/decisions?year={{YEAR}}&amp;edit={{ISO}}#decision-form">Sửa</a>
        <form method="post" action="/calendar/decisions/{{ISO}}/delete"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="secondary small">Xóa</button></form></td>{{/CAN_DELETE}}</tr>{{/DECISION}}</tbody>
  </table></div>
  {{#EDITOR}}
  <h2 id="decision-form">Thêm hoặc sửa quyết định của một ngày</h2>
  <form method="post" action="/calendar/decisions">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="date">Ngày</label>
    <input id="date" name="date" type="date" required value="{{F_DATE}}">
    <label for="kind">Loại</label>
    <select id="kind" name="kind">{{#KIND_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select>
    <label for="name">Tên (ví dụ: Nghỉ hoán đổi dịp Quốc khánh)</label>
    <input id="name" name="name" required maxlength="200" value="{{F_NAME}}">
    <label for="reference">Căn cứ (số hiệu, ngày của văn bản)</label>
    <input id="reference" name="reference" required maxlength="2000" value="{{F_REFERENCE}}">
    <button type="submit">Lưu quyết định</button>
  </form>
  <h2>Văn bản căn cứ của lịch nghỉ năm {{YEAR}}</h2>
  <form method="post" action="/calendar/years/{{YEAR}}">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="year_reference">Căn cứ (hiện cùng lịch năm)</label>
    <textarea id="year_reference" name="year_reference" rows="5" maxlength="2000">{{REFERENCE}}</textarea>
    <button type="submit">Lưu căn cứ</button>
  </form>
  {{/EDITOR}}
</section>
