{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Cán bộ, công chức</h1>
  {{#ADMIN}}<p class="actions"><a class="button" href="/officials/new">Thêm cán bộ</a></p>{{/ADMIN}}
  <div class="table-wrap"><table>
    <thead><tr><th scope="col">Họ và tên</th><th scope="col">Tên đăng nhập</th><th scope="col">Chức vụ</th><th scope="col">Đơn vị</th><th scope="col">Điện thoại</th><th scope="col">Trạng thái</th></tr></thead>
    <tbody>{{#OFFICIAL}}<tr><td><a href="/officials/{{ID}}">{{FULL_NAME}}</a></td><td>{{USERNAME}}</td><td>{{POSITION}}</td><td>{{UNIT}}</td><td>{{PHONE}}</td><td>{{STATUS}}</td></tr>{{/OFFICIAL}}</tbody>
  </table></div>
</section>
