{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/desk/ratings">← Đánh giá của người dân</a></p>
  <h1>Thẻ mã QR đánh giá của cán bộ</h1>
  <p class="lead">Mỗi cán bộ có một thẻ cỡ A6 với mã QR dẫn đến trang đánh giá cán bộ đó. Bản in xếp bốn thẻ trên một tờ A4; cắt theo đường kẻ.</p>
  <form method="get" action="/desk/ratings/cards" class="stats-filters">
    <div class="field">
      <label for="unit">Đơn vị</label>
      <select id="unit" name="unit">{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>
    <button type="submit">Xem</button>
  </form>
  {{#EMPTY}}<p>Đơn vị chưa có cán bộ nào.</p>{{/EMPTY}}
  {{#HAS_CARDS}}<p class="actions"><a class="button" href="{{ALL_URL}}">In thẻ của tất cả cán bộ (PDF)</a></p>
  <div class="table-wrap" role="region" aria-labelledby="cards-caption" tabindex="0"><table class="stack">
    <caption id="cards-caption">Cán bộ của đơn vị</caption>
    <thead><tr><th scope="col">Cán bộ</th><th scope="col">Chức vụ</th><th scope="col">Đơn vị</th><th scope="col"><span class="visually-hidden">Thẻ</span></th></tr></thead>
    <tbody>{{#CARD}}<tr><th scope="row">{{NAME}}</th><td data-label="Chức vụ">{{POSITION}}</td><td data-label="Đơn vị">{{UNIT}}</td><td data-label="Thẻ"><a href="{{PDF_URL}}">Thẻ PDF<span class="visually-hidden"> của {{NAME}}</span></a> · <a href="{{PAGE_URL}}">Trang đánh giá<span class="visually-hidden"> của {{NAME}}</span></a></td></tr>{{/CARD}}</tbody>
  </table></div>{{/HAS_CARDS}}
</section>
