{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/thu">← Sổ theo dõi thư</a></p>
  <h1>Mẫu thư</h1>
  <p class="lead">Mỗi loại thư có một mẫu. Đơn vị chưa có mẫu riêng dùng mẫu của đơn vị cấp trên, nếu không thì dùng mẫu mặc định. Mỗi lần lưu tạo một phiên bản mới; thư đã lập giữ nguyên nội dung.</p>
  <form method="get" action="/thu/mau" class="stats-filters" novalidate>
    <div class="field">
      <label for="unit">Đơn vị</label>
      <select id="unit" name="unit">{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>
    <button type="submit">Xem</button>
  </form>
  <div class="table-wrap" role="region" aria-labelledby="templates-caption" tabindex="0"><table class="stack">
    <caption id="templates-caption">Mẫu thư đang dùng</caption>
    <thead><tr><th scope="col">Loại thư</th><th scope="col">Phiên bản</th><th scope="col">Khổ giấy</th><th scope="col">Có mặt sau</th></tr></thead>
    <tbody>{{#TEMPLATE}}<tr><th scope="row"><a href="{{URL}}">{{TYPE}}</a></th><td data-label="Phiên bản">{{VERSION}}</td><td data-label="Khổ giấy">{{PAPER}}</td><td data-label="Có mặt sau">{{BACK}}</td></tr>{{/TEMPLATE}}</tbody>
  </table></div>
</section>
