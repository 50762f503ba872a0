{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Đơn vị hành chính</h1>
  <form method="get" action="/units" class="inline">
    <label for="at">Hiệu lực tại ngày</label>
    <input id="at" name="at" type="date" value="{{AT}}">
    <button type="submit" class="secondary">Xem</button>
  </form>
  {{#ADMIN}}<p class="actions"><a class="button" href="/units/new">Thêm đơn vị</a>
    <a class="button secondary" href="/units/import">Nhập từ CSV</a>
    <a class="button secondary" href="/units/export.csv">Xuất CSV</a></p>{{/ADMIN}}
  <p>{{COUNT}} đơn vị có hiệu lực.</p>
  <div class="table-wrap"><table class="tree">
    <thead><tr><th scope="col">Tên đơn vị</th><th scope="col">Mã</th><th scope="col">Cấp</th><th scope="col">Hiệu lực</th></tr></thead>
    <tbody>{{#UNIT}}<tr><td class="d{{DEPTH}}"><a href="/units/{{CODE_URL}}">{{NAME}}</a>{{#HAS_SUCCESSOR}} <small>(sáp nhập vào {{SUCCESSOR}})</small>{{/HAS_SUCCESSOR}}</td>
      <td>{{CODE}}</td><td>{{LEVEL}}</td><td>{{VALID}}</td></tr>{{/UNIT}}</tbody>
  </table></div>
</section>
