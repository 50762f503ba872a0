{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Cán bộ, công chức</h1>
  {{#ADMIN}}<p class="actions"><a class="button" href="/officials/new">Thêm cán bộ</a></p>{{/ADMIN}}
  <p>{{COUNT}} cán bộ trong các đơn vị bạn phụ trách.</p>
  <div class="table-wrap"><table class="stack">
    <caption class="visually-hidden">Cán bộ, công chức</caption>
    <thead><tr><th scope="col">Họ và tên</th><th scope="col">Tên đăng nhập</th><th scope="col">Chức vụ</th><th scope="col">Đơn vị</th><th scope="col">Điện thoại</th><th scope="col">Trạng thái</th></tr></thead>
    <tbody>{{#OFFICIAL}}<tr><td><a href="/officials/{{ID}}">{{FULL_NAME}}</a></td><td data-label="Tên đăng nhập">{{USERNAME}}</td><td data-label="Chức vụ">{{POSITION}}</td><td data-label="Đơn vị">{{UNIT}}</td><td data-label="Điện thoại">{{PHONE}}</td><td data-label="Trạng thái">{{STATUS}}</td></tr>{{/OFFICIAL}}</tbody>
  </table></div>
</section>
