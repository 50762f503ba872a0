{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Kết nối hệ thống khác</h1>
  <p class="lead">Một hệ thống khác (ví dụ Cổng dịch vụ công của tỉnh) dùng khóa truy cập để gửi và nhận dữ liệu thay cho một tài khoản cán bộ, với đúng quyền của tài khoản đó. Khóa chỉ hiện một lần khi tạo.</p>
  {{#HAS_NEW_TOKEN}}<div class="notice"><p>Khóa truy cập mới (hãy sao chép ngay, khóa sẽ không hiện lại):</p>
    <p><code id="new-token">{{NEW_TOKEN}}</code></p></div>{{/HAS_NEW_TOKEN}}
  <h2>Tạo khóa truy cập</h2>
  <form method="post" action="/tokens" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#OFFICIAL_ID_INVALID}} field-invalid{{/OFFICIAL_ID_INVALID}}">
      <label for="official_id">Dùng quyền của tài khoản</label>
      {{#OFFICIAL_ID_INVALID}}<p class="field-error" id="official_id-error"><span class="visually-hidden">Lỗi: </span>{{OFFICIAL_ID_ERROR}}</p>{{/OFFICIAL_ID_INVALID}}
      <select id="official_id" name="official_id"{{#OFFICIAL_ID_INVALID}} aria-invalid="true" aria-describedby="official_id-error"{{/OFFICIAL_ID_INVALID}}>{{#OFFICIAL}}<option value="{{ID}}">{{LABEL}}</option>{{/OFFICIAL}}</select>
    </div>
    <div class="field{{#NAME_INVALID}} field-invalid{{/NAME_INVALID}}">
      <label for="name">Tên gợi nhớ</label>
      <p class="hint" id="name-hint">Hệ thống nào dùng khóa này, ví dụ Cổng dịch vụ công tỉnh.</p>
      {{#NAME_INVALID}}<p class="field-error" id="name-error"><span class="visually-hidden">Lỗi: </span>{{NAME_ERROR}}</p>{{/NAME_INVALID}}
      <input id="name" name="name" maxlength="80" aria-describedby="name-hint{{#NAME_INVALID}} name-error{{/NAME_INVALID}}"{{#NAME_INVALID}} aria-invalid="true"{{/NAME_INVALID}}>
    </div>
    <button type="submit">Tạo khóa truy cập</button>
  </form>
  <h2 id="tokens-heading">Các khóa đã tạo</h2>
  <div class="table-wrap"><table class="stack">
    <caption class="visually-hidden">Các khóa truy cập đã tạo</caption>
    <thead><tr><th scope="col">Tên gợi nhớ</th><th scope="col">Tài khoản</th><th scope="col">Đầu khóa</th><th scope="col">Tạo lúc</th><th scope="col">Trạng thái</th></tr></thead>
    <tbody>{{#TOKEN}}<tr><td>{{NAME}}</td><td data-label="Tài khoản">{{OWNER}}</td><td data-label="Đầu khóa"><code>{{PREFIX}}…</code></td><td data-label="Tạo lúc">{{CREATED}}</td>
      <td data-label="Trạng thái">{{#IS_REVOKED}}Đã thu hồi {{REVOKED}}{{/IS_REVOKED}}{{#LIVE}}Đang dùng · <a href="/tokens/{{ID}}/revoke">Thu hồi<span class="visually-hidden"> khóa {{NAME}}</span></a>{{/LIVE}}</td></tr>{{/TOKEN}}</tbody>
  </table></div>
</section>
