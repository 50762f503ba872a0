{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/desk/ratings">← Đánh giá của người dân</a></p>
  <h1>Đánh giá cần xem xét</h1>
  <p class="lead">Đánh giá không gắn với hồ sơ được đánh dấu khi bất thường: dồn dập cho một cán bộ, nhiều lượt từ một thiết bị, hoặc gửi từ mạng mà cán bộ của đơn vị đã đăng nhập. Lãnh đạo xem xét rồi đánh dấu đã xem; đánh giá không bị xóa.</p>
  <form method="get" action="/desk/ratings/review" class="stats-filters">
    <div class="field">
      <label for="unit">Đơn vị</label>
      <select id="unit" name="unit">{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>
    <button type="submit">Xem</button>
  </form>
  {{#EMPTY}}<p>Không có đánh giá nào cần xem xét.</p>{{/EMPTY}}
  {{#HAS_ITEMS}}<div class="table-wrap" role="region" aria-labelledby="review-caption" tabindex="0"><table class="stack">
    <caption id="review-caption">Đánh giá bất thường chưa xem xét, mới nhất trước</caption>
    <thead><tr><th scope="col">Lúc</th><th scope="col">Cán bộ</th><th scope="col">Mức</th><th scope="col">Vì sao cần xem</th><th scope="col">Ý kiến</th><th scope="col"><span class="visually-hidden">Thao tác</span></th></tr></thead>
    <tbody>{{#ITEM}}<tr><th scope="row">{{AT}}</th><td data-label="Cán bộ">{{OFFICIAL}}</td><td data-label="Mức">{{LEVEL}}</td><td data-label="Vì sao cần xem">{{FLAG}}</td><td data-label="Ý kiến">{{COMMENT}}</td><td data-label="Thao tác"><form method="post" action="/desk/ratings/review/{{ID}}"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="secondary">Đã xem<span class="visually-hidden"> đánh giá lúc {{AT}}</span></button></form></td></tr>{{/ITEM}}</tbody>
  </table></div>{{/HAS_ITEMS}}
</section>
