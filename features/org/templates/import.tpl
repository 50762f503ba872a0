{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Nhập đơn vị từ CSV</h1>
  <p><a href="/units">← Danh sách đơn vị</a></p>
  <p>Dòng đầu là tiêu đề: <code>code,name,level,parent_code,valid_from,valid_to,successor_code</code>.
     Cấp (level): province, district, commune, ward, township, special_zone. Đơn vị cha đứng trước đơn vị con.
     Nếu có một dòng sai, không dòng nào được ghi.</p>
  {{#HAS_RESULT}}<div class="notice" role="status">{{RESULT}}</div>{{/HAS_RESULT}}
  {{#HAS_ERROR}}<div class="alert" role="alert">{{ERROR}}</div>{{/HAS_ERROR}}
  <form method="post" action="/units/import">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="csv">Nội dung CSV (UTF-8)</label>
    <textarea id="csv" name="csv" rows="12" required>{{CSV}}</textarea>
    <button type="submit">Nhập</button>
  </form>
</section>
