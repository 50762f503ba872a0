{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Khóa API cho hệ thống khác</h1>
  <p class="lead">Mỗi khóa mang quyền của cán bộ (tài khoản dịch vụ) mà nó thuộc về. Khóa chỉ hiện một lần khi tạo.</p>
  {{#HAS_NEW_TOKEN}}<div class="notice" role="status"><p>Khóa mới (hãy sao chép ngay, sẽ không hiện lại):</p>
    <p><code id="new-token">{{NEW_TOKEN}}</code></p></div>{{/HAS_NEW_TOKEN}}
  {{#HAS_ERROR}}<div class="alert" role="alert">{{ERROR}}</div>{{/HAS_ERROR}}
  <form method="post" action="/tokens" class="inline">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="official_id">Tài khoản</label>
    <select id="official_id" name="official_id">{{#OFFICIAL}}<option value="{{ID}}">{{LABEL}}</option>{{/OFFICIAL}}</select>
    <label for="name">Tên gợi nhớ</label>
    <input id="name" name="name" required maxlength="80" placeholder="Cổng dịch vụ công tỉnh">
    <button type="submit">Tạo khóa</button>
  </form>
  <div class="table-wrap"><table>
    <thead><tr><th scope="col">Tên</th><th scope="col">Tài khoản</th><th scope="col">Tiền tố</th><th scope="col">Tạo lúc</th><th scope="col">Trạng thái</th></tr></thead>
    <tbody>{{#TOKEN}}<tr><td>{{NAME}}</td><td>{{OWNER}}</td><td><code>{{PREFIX}}…</code></td><td>{{CREATED}}</td>
      <td>{{#IS_REVOKED}}Đã thu hồi {{REVOKED}}{{/IS_REVOKED}}{{#LIVE}}<form method="post" action="/tokens/{{ID}}/revoke">
        <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="secondary">Thu hồi</button></form>{{/LIVE}}</td></tr>{{/TOKEN}}</tbody>
  </table></div>
</section>
