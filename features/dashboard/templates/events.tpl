{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Nhật ký thay đổi</h1>
  <p class="lead">Mọi thay đổi được ghi lại, nối với nhau bằng chuỗi băm; tổng cộng {{TOTAL}} sự kiện. Kiểm tra toàn vẹn bằng lệnh <code>friendlygov verify-events</code>.</p>
  <div class="table-wrap"><table>
    <thead><tr><th scope="col">#</th><th scope="col">Thời điểm</th><th scope="col">Người thực hiện</th><th scope="col">Đối tượng</th><th scope="col">Thao tác</th><th scope="col">Sau thay đổi</th><th scope="col">Mã băm</th></tr></thead>
    <tbody>{{#EVENT}}<tr><td>{{SEQ}}</td><td>{{AT}}</td><td>{{ACTOR}}</td><td>{{ENTITY}}</td><td>{{ACTION}}</td><td class="json">{{AFTER}}</td><td><code>{{HASH}}</code></td></tr>{{/EVENT}}</tbody>
  </table></div>
  {{#HAS_NEXT}}<p><a class="button secondary" href="/events?before={{NEXT}}">Cũ hơn</a></p>{{/HAS_NEXT}}
</section>
