{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Đơn vị hành chính</h1>
  {{#ADMIN}}<p class="actions"><a class="button" href="/units/new">Thêm đơn vị</a>
    <a class="button secondary" href="/units/import">Nhập danh sách từ tệp</a>
    <a class="button secondary" href="/units/export.csv">Tải danh sách về máy (tệp CSV)</a></p>{{/ADMIN}}
  <form method="get" action="/units" class="filter" novalidate>
    {{>AT_DATE}}
    <button type="submit" class="secondary">Xem đơn vị có hiệu lực ngày này</button>
  </form>
  <p>Ngày {{AT_TEXT}}: {{COUNT}} đơn vị có hiệu lực.</p>
  <div class="table-wrap"><table class="tree stack">
    <caption class="visually-hidden">Đơn vị có hiệu lực ngày {{AT_TEXT}}, theo cây trực thuộc</caption>
    <thead><tr><th scope="col">Tên đơn vị</th><th scope="col">Mã</th><th scope="col">Cấp</th><th scope="col">Hiệu lực</th></tr></thead>
    <tbody>{{#UNIT}}<tr><td class="d{{DEPTH}} tree-cell"><a href="/units/{{CODE_URL}}">{{NAME}}</a>{{#HAS_SUCCESSOR}} <small>(sáp nhập vào {{SUCCESSOR}})</small>{{/HAS_SUCCESSOR}}</td>
      <td data-label="Mã">{{CODE}}</td><td data-label="Cấp">{{LEVEL}}</td><td data-label="Hiệu lực">{{VALID}}</td></tr>{{/UNIT}}</tbody>
  </table></div>
</section>
